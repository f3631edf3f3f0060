/** Time as the server's timed work sees it; tests and restarts can pass their own. */
export interface Clock {
  now(): number;
  /** Runs `fn` after `ms`; the returned function cancels it. Timers never keep the process alive. */
  after(ms: number, fn: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  after: (ms, fn) => {
    const timer = setTimeout(fn, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};
