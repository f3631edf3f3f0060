import type { Redis } from 'ioredis';
import type { OutboxEntry } from '../storage/outbox';
import { connectRedis } from '../redis/redisConnection';
import { webhookBodyOf } from './webhookBody';

/** Entries the stream keeps, about: XADD trims with `~`, which Redis does cheaply in whole nodes. */
export const STREAM_MAX_LENGTH = 100_000;

/** Where internal consumers read the events (XREAD, XREADGROUP). */
export interface EventStream {
  /** The stream's key. */
  readonly key: string;
  /** Appends the entries in order, all or, on a Redis failure, possibly some (rejects: they are sent again). */
  append(entries: readonly OutboxEntry[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * The Redis Stream `<prefix>events`: one entry per outbox entry, fields `id` (the event id, to tell a
 * repeat: the stream is at-least-once like the webhooks), `type`, `orderId` and `event` (the webhook body).
 */
export class RedisEventStream implements EventStream {
  readonly key: string;
  private readonly redis: Redis;

  constructor(url: string, prefix: string) {
    this.key = `${prefix}events`;
    this.redis = connectRedis(url);
  }

  async append(entries: readonly OutboxEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const pipeline = this.redis.multi();
    for (const e of entries) {
      pipeline.xadd(
        this.key,
        'MAXLEN',
        '~',
        STREAM_MAX_LENGTH,
        '*',
        'id',
        e.eventId,
        'type',
        e.type,
        'orderId',
        e.orderId,
        'event',
        webhookBodyOf(e),
      );
    }
    const results = await pipeline.exec();
    const failed = results?.find(([err]) => err !== null);
    if (!results || failed) throw failed?.[0] ?? new Error('the events stream transaction was discarded');
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
