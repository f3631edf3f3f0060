import { systemClock, type Clock } from '../clock';
import type { Config } from '../config';
import type { Logger } from '../log';
import { MemoryPresence } from './memoryPresence';
import type { Presence } from './presence';
import { RedisPresence } from './redisPresence';

/** Redis presence when REDIS_URL is set (waiting at most a few seconds to learn whether it answers), memory otherwise. */
export async function openPresence(config: Config, clock: Clock, log: Logger): Promise<Presence> {
  if (!config.redisUrl) return new MemoryPresence(config.nodeId, clock);
  const presence = new RedisPresence({
    url: config.redisUrl,
    prefix: config.redisPrefix,
    ttlMs: config.presenceTtlMs,
    node: config.nodeId,
    // Redis expires keys on real time, so heartbeats and scores must run on it whatever clock the rest uses.
    clock: systemClock,
    log,
  });
  await presence.started();
  return presence;
}
