import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claim } from '../../../sync-server/limits/limiterStore';
import { RedisLimiterStore } from '../../../sync-server/limits/redisLimiter';
import type { Logger } from '../../../sync-server/log';
import { pollUntil } from '../support/poll';
import { RedisChild } from '../support/redisServer';

const lines: string[] = [];
const log: Logger = {
  info: (message) => lines.push(`info ${message}`),
  error: (message) => lines.push(`error ${message}`),
};

let redis: RedisChild;
let store: RedisLimiterStore;
beforeAll(async () => {
  redis = await RedisChild.start();
  store = new RedisLimiterStore({ url: redis.url, prefix: 'dabba-limiter-health-test:', log });
  await store.started();
});
afterAll(async () => {
  redis.resume();
  await store.close();
  await redis.stop();
});

const budget: Claim = { key: 'k', limit: 1_000, windowMs: 60_000 };
const status = () => Promise.resolve(store.status());

async function timed<T>(op: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await op();
  return { value, ms: performance.now() - started };
}

describe('RedisLimiterStore when Redis stops answering', () => {
  it('counts locally after one slow command, says so in one log line, and goes back to Redis by itself', async () => {
    expect(store.status()).toBe('ok');
    expect(lines).toEqual(['info rate limits are counted in Redis, shared by every node']);

    // Hung, not gone: the connection stays up and only the command timeout tells.
    redis.pause();
    const first = await timed(() => store.take([budget]));
    expect(first.value.allowed).toBe(true);
    expect(first.ms).toBeLessThan(2_000);
    expect(store.status()).toBe('degraded');
    // Later uses no longer wait on Redis.
    for (let i = 0; i < 20; i++) {
      const next = await timed(() => store.take([budget]));
      expect(next.value.allowed).toBe(true);
      expect(next.ms).toBeLessThan(50);
    }
    expect(lines.slice(1)).toEqual(['error rate limits degraded: Redis is unreachable; this node counts alone until it returns']);

    redis.resume();
    await pollUntil(status, (s) => s === 'ok', 'the store to find Redis answering again');
    expect(lines.slice(2)).toEqual(['info rate limits recovered: counted in Redis again, shared by every node']);

    // Gone: the closed connection degrades at once, and its reconnection brings the store back.
    await redis.stop();
    await pollUntil(status, (s) => s === 'degraded', 'the store to notice the closed connection');
    expect((await timed(() => store.take([budget]))).ms).toBeLessThan(50);
    await redis.restart();
    await pollUntil(status, (s) => s === 'ok', 'the store to reconnect');
    expect(lines.slice(3)).toEqual([
      'error rate limits degraded: Redis is unreachable; this node counts alone until it returns',
      'info rate limits recovered: counted in Redis again, shared by every node',
    ]);
  });
});
