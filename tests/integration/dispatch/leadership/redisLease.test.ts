import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { leaseKeys, RedisLease } from '../../../../sync-server/dispatch/leadership/redisLease';
import { SHARED_REDIS, useRedisPrefixes } from '../../support/redisPrefixes';

const prefix = useRedisPrefixes();
const redis = new Redis(SHARED_REDIS);
afterAll(() => redis.quit());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Leases of holders `names` on one key of the test's own. */
function leases(leaseMs: number, ...names: string[]): RedisLease[] {
  const keys = leaseKeys(prefix());
  return names.map((name) => new RedisLease(redis, keys, name, leaseMs));
}

describe('the dispatch lease in Redis', () => {
  it('is held by one holder at a time, each acquisition with a higher fence token', async () => {
    const [a, b] = leases(10_000, 'node-a/1', 'node-b/1');
    if (!a || !b) throw new Error('two leases');
    expect(await a.acquire()).toBe(1);
    expect(await b.acquire()).toBeNull();
    expect(await a.held()).toEqual({ holder: 'node-a/1', fence: 1 });
    // The same holder again (it stepped down while its key lived): a new term, a new token.
    expect(await a.acquire()).toBe(2);
    expect(await a.renew(1)).toBe(false);
    expect(await a.renew(2)).toBe(true);
    await a.release(2);
    expect(await a.held()).toBeNull();
    expect(await b.acquire()).toBe(3);
  });

  it('lives while it is renewed and expires by itself when it is not, freeing it for another holder', async () => {
    const [a, b] = leases(300, 'node-a/1', 'node-b/1');
    if (!a || !b) throw new Error('two leases');
    const fence = await a.acquire();
    if (fence === null) throw new Error('the lease was free');
    for (let i = 0; i < 4; i++) {
      await pause(150);
      expect(await a.renew(fence)).toBe(true);
    }
    expect(await b.acquire()).toBeNull();
    await pause(450);
    expect(await a.held()).toBeNull();
    expect(await a.renew(fence)).toBe(false);
    expect(await b.acquire()).toBe(fence + 1);
  });

  it('lets a deposed term neither renew nor release the lease of the term after it', async () => {
    const [a, b] = leases(200, 'node-a/1', 'node-b/1');
    if (!a || !b) throw new Error('two leases');
    const old = await a.acquire();
    if (old === null) throw new Error('the lease was free');
    await pause(300);
    const next = await b.acquire();
    expect(next).toBe(old + 1);
    expect(await a.renew(old)).toBe(false);
    await a.release(old);
    expect(await b.held()).toEqual({ holder: 'node-b/1', fence: next });
  });

  it('raises its counter to a token storage saw and never lowers it', async () => {
    const [a] = leases(10_000, 'node-a/1');
    if (!a) throw new Error('a lease');
    await a.raiseCounter(50);
    expect(await a.acquire()).toBe(51);
    await a.raiseCounter(10);
    expect(await a.acquire()).toBe(52);
  });
});
