import type { Config } from '../config';
import type { Logger } from '../log';
import type { LimiterStore } from './limiterStore';
import { MemoryLimiterStore } from './memoryLimiter';
import { RedisLimiterStore } from './redisLimiter';

/** Counts in Redis when REDIS_URL is set (waiting at most a few seconds to learn whether it answers), in memory otherwise. */
export async function openLimiterStore(config: Pick<Config, 'redisUrl' | 'redisPrefix'>, log: Logger): Promise<LimiterStore> {
  if (!config.redisUrl) return new MemoryLimiterStore();
  const store = new RedisLimiterStore({ url: config.redisUrl, prefix: config.redisPrefix, log });
  await store.started();
  return store;
}
