import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UnsyncedReporter, type ReportOutcome } from '../../../../client/common/sync/unsyncedReporter';

const SETTLE = 5_000;

describe('UnsyncedReporter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
  });
  afterEach(() => vi.useRealTimers());

  /** A device whose store holds `store.oldest` (device time of its oldest unsynced row, or null). */
  function device(outcomes: ReportOutcome[] = []) {
    const store: { oldest: number | null } = { oldest: null };
    const sent: (number | null)[] = [];
    const reporter = new UnsyncedReporter({
      oldestUnsyncedAt: () => Promise.resolve(store.oldest),
      send: (age) => {
        sent.push(age);
        return Promise.resolve(outcomes.shift() ?? 'delivered');
      },
      settleMs: SETTLE,
      backoff: { baseMs: 1_000, maxMs: 1_000 },
      random: () => 0,
    });
    /** A local change is written now and stays unacknowledged. */
    const change = () => {
      store.oldest ??= Date.now();
      reporter.changed();
    };
    const acknowledged = () => {
      store.oldest = null;
      reporter.changed();
    };
    return { store, sent, reporter, change, acknowledged };
  }

  it('says how old its oldest unsynced change is in the URL of each socket it dials, once it has looked', async () => {
    const { store, reporter } = device();
    expect(reporter.connectAge()).toBeUndefined();
    store.oldest = Date.now() - 90_000;
    await reporter.start();
    expect(reporter.connectAge()).toBe(90_000);
    store.oldest = null;
    reporter.changed();
    await vi.advanceTimersByTimeAsync(SETTLE);
    expect(reporter.connectAge()).toBeNull();
  });

  it('sends nothing for changes the server acknowledges within the settle time', async () => {
    const { sent, reporter, change, acknowledged } = device();
    await reporter.start();
    reporter.connectAge();
    reporter.connection(true);
    for (let i = 0; i < 5; i++) {
      change();
      await vi.advanceTimersByTimeAsync(200);
      acknowledged();
      await vi.advanceTimersByTimeAsync(1_000);
    }
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toEqual([]);
  });

  it('reports a change left unacknowledged once it has waited the settle time, and again when it is acknowledged', async () => {
    const { sent, reporter, change, acknowledged } = device();
    await reporter.start();
    reporter.connectAge();
    reporter.connection(true);
    await vi.advanceTimersByTimeAsync(3_000);
    change();
    await vi.advanceTimersByTimeAsync(SETTLE - 1);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([SETTLE]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(1);
    acknowledged();
    await vi.advanceTimersByTimeAsync(SETTLE);
    expect(sent).toEqual([SETTLE, null]);
  });

  it('waits for a change younger than the settle time it finds on another look', async () => {
    const { sent, reporter, change } = device();
    await reporter.start();
    reporter.connectAge();
    reporter.connection(true);
    reporter.changed(); // something else changed: a look is due in SETTLE
    await vi.advanceTimersByTimeAsync(SETTLE - 1_000);
    change(); // made 1 s before that look
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(SETTLE - 1_000);
    expect(sent).toEqual([SETTLE]);
  });

  it('sends nothing while offline; the next socket says what changed meanwhile', async () => {
    const { sent, reporter, change } = device();
    await reporter.start();
    reporter.connection(false);
    change();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toEqual([]);
    expect(reporter.connectAge()).toBe(60_000);
    reporter.connection(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toEqual([]);
  });

  it('reports a change a socket could not say, when it opened before the store was read', async () => {
    const { store, sent, reporter } = device();
    store.oldest = Date.now() - 30_000;
    reporter.connectAge();
    reporter.connection(true);
    await vi.advanceTimersByTimeAsync(SETTLE);
    expect(sent).toEqual([30_000 + SETTLE]);
  });

  it('tries a report the server could not take again, and does not repeat one it refused', async () => {
    const { sent, reporter, change, acknowledged } = device(['retry', 'delivered', 'refused']);
    await reporter.start();
    reporter.connectAge();
    reporter.connection(true);
    change();
    await vi.advanceTimersByTimeAsync(SETTLE);
    expect(sent).toEqual([SETTLE]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toBeGreaterThan(SETTLE);
    acknowledged();
    await vi.advanceTimersByTimeAsync(SETTLE);
    expect(sent.slice(2)).toEqual([null]);
    reporter.changed();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(3);
  });

  it('counts a change stamped in the future (the clock was set back since) as waiting now', async () => {
    const { store, sent, reporter } = device();
    await reporter.start();
    reporter.connectAge();
    reporter.connection(true);
    store.oldest = Date.now() + 3_600_000;
    reporter.changed();
    await vi.advanceTimersByTimeAsync(SETTLE);
    expect(sent).toEqual([0]);
  });

  it('stops looking when stopped', async () => {
    const { sent, reporter, change } = device();
    await reporter.start();
    reporter.connectAge();
    reporter.connection(true);
    change();
    reporter.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toEqual([]);
  });
});
