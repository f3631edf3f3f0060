import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../../sync-server/clock';
import { Throttle } from '../../../../sync-server/projections/throttle';

/** A clock the test moves by hand; timers fire as it passes them. */
function manualClock(): Clock & { advance(ms: number): void } {
  let now = 0;
  let timers: { at: number; fn: () => void }[] = [];
  return {
    now: () => now,
    after: (ms, fn) => {
      const timer = { at: now + ms, fn };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
    advance(ms) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.fn();
    },
  };
}

/** A throttle over a manual clock that records which keys ran. */
function recorded() {
  const clock = manualClock();
  const runs: string[] = [];
  const throttle = new Throttle<string>(5_000, clock, (key) => runs.push(key));
  return { clock, runs, throttle };
}

describe('Throttle', () => {
  it('runs the first request at once and folds the rest of the interval into one run at its end', () => {
    const clock = manualClock();
    const runs: [string, number][] = [];
    const throttle = new Throttle<string>(5_000, clock, (key) => runs.push([key, clock.now()]));
    throttle.request('a');
    clock.advance(1_000);
    throttle.request('a');
    clock.advance(1_000);
    throttle.request('a');
    expect(runs).toEqual([['a', 0]]);
    clock.advance(3_000);
    expect(runs).toEqual([
      ['a', 0],
      ['a', 5_000],
    ]);
    clock.advance(10_000);
    throttle.request('a');
    expect(runs).toEqual([
      ['a', 0],
      ['a', 5_000],
      ['a', 15_000],
    ]);
  });

  it('throttles each key on its own', () => {
    const { runs, throttle } = recorded();
    throttle.request('a');
    throttle.request('b');
    throttle.request('a');
    expect(runs).toEqual(['a', 'b']);
  });

  it('drops pending runs when cancelled', () => {
    const { clock, runs, throttle } = recorded();
    throttle.request('a');
    throttle.request('a');
    throttle.cancel();
    clock.advance(10_000);
    expect(runs).toEqual(['a']);
  });
});
