import { afterAll, describe, expect, it } from 'vitest';
import type { Claim, LimiterStore } from '../../../sync-server/limits/limiterStore';
import { MemoryLimiterStore } from '../../../sync-server/limits/memoryLimiter';
import { RedisLimiterStore } from '../../../sync-server/limits/redisLimiter';
import { createLogger } from '../../../sync-server/log';
import { SHARED_REDIS, useRedisPrefixes } from '../support/redisPrefixes';

const prefix = useRedisPrefixes();
const opened: LimiterStore[] = [];
afterAll(() => Promise.all(opened.map((s) => s.close())));

async function redisStore(sharedPrefix = prefix()): Promise<RedisLimiterStore> {
  const store = new RedisLimiterStore({ url: SHARED_REDIS, prefix: sharedPrefix, log: createLogger('silent') });
  opened.push(store);
  await store.started();
  expect(store.status()).toBe('ok');
  return store;
}

let keys = 0;
const claim = (limit: number, windowMs = 60_000): Claim => ({ key: `k${++keys}`, limit, windowMs });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The contract every store keeps; the memory store's exact timings are in its unit tests. */
describe.each([
  { name: 'MemoryLimiterStore', open: () => Promise.resolve(new MemoryLimiterStore()) },
  { name: 'RedisLimiterStore', open: () => redisStore() },
])('$name', ({ open }) => {
  it('allows `limit` uses in a window, then refuses with the time left, and allows again after it', async () => {
    const store = await open();
    const budget = [claim(3, 600)];
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await store.take(budget));
    expect(answers.map((a) => a.allowed)).toEqual([true, true, true, false]);
    const refused = answers[3];
    expect(refused && !refused.allowed && refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused && !refused.allowed && refused.retryAfterMs).toBeLessThanOrEqual(600);
    await sleep(650);
    expect((await store.take(budget)).allowed).toBe(true);
  });

  it('judges a concurrent burst as a whole: exactly `limit` of 40 uses at once are allowed', async () => {
    const store = await open();
    const budget = [claim(7)];
    const answers = await Promise.all(Array.from({ length: 40 }, () => store.take(budget)));
    expect(answers.filter((a) => a.allowed)).toHaveLength(7);
  });

  it('counts a use against every claim or none', async () => {
    const store = await open();
    const wide = claim(5);
    const narrow = claim(2);
    const together = [];
    for (let i = 0; i < 3; i++) together.push((await store.take([wide, narrow])).allowed);
    expect(together).toEqual([true, true, false]);
    const alone = [];
    for (let i = 0; i < 4; i++) alone.push((await store.take([wide])).allowed);
    expect(alone).toEqual([true, true, true, false]);
  });

  it('checks without counting, and takes back refunded uses but never below zero', async () => {
    const store = await open();
    const budget = claim(2);
    expect((await store.check([budget])).allowed).toBe(true);
    await store.take([budget]);
    await store.take([budget]);
    expect((await store.check([budget])).allowed).toBe(false);
    await store.refund([budget.key, budget.key, budget.key, 'never-used']);
    const after = [];
    for (let i = 0; i < 3; i++) after.push((await store.take([budget])).allowed);
    expect(after).toEqual([true, true, false]);
  });

  it('keeps the window of a budget refunded to zero: the next use does not start a new one', async () => {
    const store = await open();
    const budget = claim(1, 600);
    await store.take([budget]);
    await sleep(400);
    await store.refund([budget.key]);
    await store.take([budget]);
    // Had that use started a window of its own, this would still be refused 300 ms later.
    await sleep(300);
    expect((await store.take([budget])).allowed).toBe(true);
  });
});

describe('RedisLimiterStore on one Redis', () => {
  it('shares counts between stores under one prefix, and keeps prefixes apart', async () => {
    const shared = prefix();
    const [a, b, elsewhere] = [await redisStore(shared), await redisStore(shared), await redisStore()];
    const budget = [claim(4)];
    const answers = [];
    for (const store of [a, b, a, b, a, b]) answers.push((await store.take(budget)).allowed);
    expect(answers).toEqual([true, true, true, true, false, false]);
    expect((await elsewhere.take(budget)).allowed).toBe(true);
  });
});
