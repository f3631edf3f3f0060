import { useSyncExternalStore } from 'react';

/**
 * One clock for every timer on screen: a single interval, and each reader re-renders only when
 * its own step (a minute's quarter for card timers, a day for "today") rolls over.
 */
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
const TICK_MS = 1_000;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    for (const l of listeners) l();
  }, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The current time, rounded down to `stepMs`. */
export function useNow(stepMs: number = 15_000): number {
  return useSyncExternalStore(subscribe, () => Math.floor(Date.now() / stepMs) * stepMs);
}
