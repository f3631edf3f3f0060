import { Redis } from 'ioredis';
import { afterAll } from 'vitest';
import { randomId } from '../../../shared/ids';

/** The Redis every test may share (CI starts it); tests keep apart by key prefix. */
export const SHARED_REDIS = 'redis://127.0.0.1:6379';

/**
 * Key prefixes of the test file's own in the shared Redis, so files and runs never see each other's
 * keys; whatever was written under them is deleted after the file's tests.
 */
export function useRedisPrefixes(): () => string {
  const prefixes: string[] = [];
  afterAll(async () => {
    const redis = new Redis(SHARED_REDIS);
    for (const prefix of prefixes) {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(keys);
    }
    await redis.quit();
  });
  return () => {
    const prefix = `dabba-test-${randomId(10)}:`;
    prefixes.push(prefix);
    return prefix;
  };
}
