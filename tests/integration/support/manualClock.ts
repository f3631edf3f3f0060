import type { Clock } from '../../../sync-server/clock';

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly fn: () => void;
}

/**
 * A clock that moves only when a test says so, for the server's timed decisions (the outlet watch,
 * dispatch timeouts). It starts at the real time so it agrees with timestamps the server takes
 * elsewhere (an order's createdAt), then runs ahead of it.
 */
export class ManualClock implements Clock {
  private time = Date.now();
  private seq = 0;
  private timers: Timer[] = [];
  private armed: ((timer: Timer) => void)[] = [];

  now(): number {
    return this.time;
  }

  after(ms: number, fn: () => void): () => void {
    const timer = { at: this.time + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.push(timer);
    for (const listener of this.armed) listener(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Moves time forward, running every timer that falls due on the way, in time order. */
  advance(ms: number): void {
    const target = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = Math.max(this.time, due.at);
      due.fn();
    }
    this.time = target;
  }

  /**
   * Advances `ms`, then waits until a task that runs every `period` has finished and armed its next
   * run (a timer due exactly `period` from the new time): by then everything that run did is done.
   */
  async tick(ms: number, period: number, timeoutMs = 10_000): Promise<void> {
    const target = this.time + ms;
    const rearmed = new Promise<void>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`nothing re-armed a ${period} ms timer after ${ms} ms`)), timeoutMs);
      const listener = (timer: Timer): void => {
        if (timer.at !== target + period) return;
        clearTimeout(timeout);
        this.armed = this.armed.filter((l) => l !== listener);
        resolve();
      };
      this.armed.push(listener);
    });
    this.advance(ms);
    await rearmed;
  }
}
