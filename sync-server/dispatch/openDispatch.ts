import type { Redis } from 'ioredis';
import { randomId } from '../../shared/ids';
import type { Config } from '../config';
import { connectRedis, whenReady } from '../redis/redisConnection';
import { DispatchFence } from '../storage/dispatchFence';
import { DispatchNode, type DispatchNodeDeps } from './dispatchNode';
import { DispatchBus } from './leadership/dispatchBus';
import { SoloLeadership } from './leadership/leadership';
import { leaseTiming, RedisLeadership } from './leadership/redisLeadership';
import { leaseKeys, RedisLease } from './leadership/redisLease';

export interface OpenedDispatch {
  readonly dispatch: DispatchNode;
  /** Closes dispatch, then what it opened (its Redis connections). */
  close(): Promise<void>;
}

async function quit(redis: Redis): Promise<void> {
  if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
  else redis.disconnect();
}

/**
 * Dispatch for this node. Several nodes share storage only on PostgreSQL, and meet through Redis: with
 * both, the nodes elect one leader by a Redis lease (DABBA_DISPATCH_LEASE_MS). Otherwise the node is
 * alone and leads for good, as a single server always has. Without Redis to elect through, a node that
 * does not lead cannot tell whether one does, so while Redis is away no new term begins anywhere.
 */
export async function openDispatch(config: Config, deps: DispatchNodeDeps): Promise<OpenedDispatch> {
  if (!config.redisUrl || !config.databaseUrl) {
    const dispatch = new DispatchNode(deps, new SoloLeadership(), null);
    return { dispatch, close: () => dispatch.close() };
  }
  const pub = connectRedis(config.redisUrl);
  const sub = connectRedis(config.redisUrl);
  const holder = `${config.nodeId}/${randomId(8)}`;
  const timing = leaseTiming(config.dispatchLeaseMs);
  const lease = new RedisLease(pub, leaseKeys(config.redisPrefix), holder, timing.leaseMs);
  const leadership = new RedisLeadership({ lease, fences: new DispatchFence(deps.sql), timing, log: deps.log });
  const bus = new DispatchBus({ pub, sub, prefix: config.redisPrefix, holder, log: deps.log });
  // The first attempt to lead is made as the server starts: a connection still opening would lose it.
  await Promise.all([whenReady(pub), whenReady(sub)]);
  await bus.start().catch((err: unknown) => deps.log.error('dispatch bus: listening for replies failed', { error: String(err) }));
  const dispatch = new DispatchNode(deps, leadership, bus);
  return {
    dispatch,
    close: async () => {
      await dispatch.close();
      await Promise.all([quit(pub), quit(sub)]);
    },
  };
}
