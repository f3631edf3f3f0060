import { describe, expect, it } from 'vitest';
import type { Claim } from '../../../../sync-server/limits/limiterStore';
import { MemoryLimiterStore } from '../../../../sync-server/limits/memoryLimiter';

const claim = (key: string, limit: number, windowMs = 60_000): Claim => ({ key, limit, windowMs });

function storeAt(start: number) {
  const clock = { t: start };
  return { clock, store: new MemoryLimiterStore(() => clock.t) };
}

async function takeTimes(store: MemoryLimiterStore, claims: readonly Claim[], times: number): Promise<boolean[]> {
  const answers: boolean[] = [];
  for (let i = 0; i < times; i++) answers.push((await store.take(claims)).allowed);
  return answers;
}

describe('MemoryLimiterStore', () => {
  it('allows `limit` uses per window, then refuses until the window that began with the first use ends', async () => {
    const { clock, store } = storeAt(1_000);
    const budget = [claim('k', 3)];
    expect(await takeTimes(store, budget, 3)).toEqual([true, true, true]);
    clock.t = 21_000;
    expect(await store.take(budget)).toEqual({ allowed: false, retryAfterMs: 40_000 });
    clock.t = 60_999;
    expect((await store.take(budget)).allowed).toBe(false);
    clock.t = 61_000;
    expect(await takeTimes(store, budget, 4)).toEqual([true, true, true, false]);
  });

  it('does not count refused uses, so hammering does not stretch the window', async () => {
    const { clock, store } = storeAt(0);
    const budget = [claim('k', 1, 1_000)];
    await store.take(budget);
    for (clock.t = 100; clock.t < 1_000; clock.t += 100) expect((await store.take(budget)).allowed).toBe(false);
    clock.t = 1_000;
    expect((await store.take(budget)).allowed).toBe(true);
  });

  it('counts a use against every claim or none: one full budget refuses the use for all', async () => {
    const { store } = storeAt(0);
    const address = claim('address', 5);
    const account = claim('account', 2);
    expect(await takeTimes(store, [address, account], 3)).toEqual([true, true, false]);
    // The refused third use was not counted against the address either: it has 3 of 5 left.
    expect(await takeTimes(store, [address], 4)).toEqual([true, true, true, false]);
  });

  it('says when the first full budget frees up', async () => {
    const { clock, store } = storeAt(0);
    await store.take([claim('short', 1, 10_000)]);
    clock.t = 4_000;
    await store.take([claim('long', 1, 60_000)]);
    expect(await store.take([claim('long', 1, 60_000), claim('short', 1, 10_000)])).toEqual({ allowed: false, retryAfterMs: 60_000 });
    expect(await store.take([claim('short', 1, 10_000), claim('long', 1, 60_000)])).toEqual({ allowed: false, retryAfterMs: 6_000 });
  });

  it('checks without counting', async () => {
    const { store } = storeAt(0);
    const budget = [claim('k', 1)];
    for (let i = 0; i < 3; i++) expect((await store.check(budget)).allowed).toBe(true);
    await store.take(budget);
    expect(await store.check(budget)).toEqual({ allowed: false, retryAfterMs: 60_000 });
  });

  it('takes back a refunded use within its window, never below zero and never into the next window', async () => {
    const { clock, store } = storeAt(0);
    const budget = [claim('k', 2, 1_000)];
    await takeTimes(store, budget, 2);
    await store.refund(['k']);
    expect(await takeTimes(store, budget, 2)).toEqual([true, false]);
    clock.t = 1_000;
    await store.refund(['k', 'k', 'unknown']);
    expect(await takeTimes(store, budget, 3)).toEqual([true, true, false]);
    await store.refund(['k', 'k', 'k']);
    expect(await takeTimes(store, budget, 3)).toEqual([true, true, false]);
  });

  it('keeps keys apart', async () => {
    const { store } = storeAt(0);
    expect(await takeTimes(store, [claim('a', 1)], 2)).toEqual([true, false]);
    expect((await store.take([claim('b', 1)])).allowed).toBe(true);
  });
});
