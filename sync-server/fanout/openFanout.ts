import type { Config } from '../config';
import type { Logger } from '../log';
import { singleNode, type Fanout } from './fanout';
import { RedisFanout } from './redisFanout';

/**
 * Fan-out through Redis when REDIS_URL is set (several nodes may share the documents), none otherwise.
 * `storage` names the database (storageIdentity): only nodes on the same one hear each other.
 */
export function openFanout(config: Pick<Config, 'redisUrl' | 'redisPrefix'>, storage: string, log: Logger): Fanout {
  return config.redisUrl ? new RedisFanout({ url: config.redisUrl, prefix: `${config.redisPrefix}${storage}:`, log }) : singleNode;
}
