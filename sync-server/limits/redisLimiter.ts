import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../log';
import { connectRedis, REDIS_COMMAND_TIMEOUT_MS, REDIS_CONNECT_TIMEOUT_MS } from '../redis/redisConnection';
import { ALLOWED, type Claim, type LimiterStore, type Verdict } from './limiterStore';
import { MemoryLimiterStore } from './memoryLimiter';

/**
 * Counts or only judges one use against every claim, all or none. KEYS: one counter per claim. ARGV[1]: '1'
 * to count, '0' to ask; then each claim's limit and window (ms). The window is the counter's TTL, set
 * when it has none: by the first use, so it runs on Redis's clock whatever the nodes' clocks say.
 */
const TAKE = `
for i, key in ipairs(KEYS) do
  local used = tonumber(redis.call('GET', key) or '0')
  if used >= tonumber(ARGV[2 * i]) then
    local left = redis.call('PTTL', key)
    if left < 0 then
      left = tonumber(ARGV[2 * i + 1])
      redis.call('PEXPIRE', key, left)
    end
    return {0, left}
  end
end
if ARGV[1] == '1' then
  for i, key in ipairs(KEYS) do
    redis.call('INCR', key)
    if redis.call('PTTL', key) < 0 then redis.call('PEXPIRE', key, ARGV[2 * i + 1]) end
  end
end
return {1, 0}`;

/** Takes back one use of each counter that still counts any (an expired one is not brought back). */
const REFUND = `
for _, key in ipairs(KEYS) do
  if tonumber(redis.call('GET', key) or '0') > 0 then redis.call('DECR', key) end
end
return 0`;

const takeReplySchema = z.tuple([z.union([z.literal(0), z.literal(1)]), z.number().int()]);

/** How often a node whose Redis stopped answering, though still connected, asks it again. */
const PROBE_EVERY_MS = 1_000;

export interface RedisLimiterOptions {
  readonly url: string;
  readonly prefix: string;
  readonly log: Logger;
}

/**
 * Rate-limit counts shared by every node through Redis, under `<prefix>limits:`. When Redis is away
 * (disconnected, or a command failed or took over a second) this node counts in its own memory instead,
 * so sign-ins and orders keep working with per-node limits until Redis answers again; it logs one
 * line when that starts and one when it ends. Failing closed instead would let a Redis outage refuse
 * every sign-in and order; failing open would drop the limits altogether.
 */
export class RedisLimiterStore implements LimiterStore {
  private readonly local = new MemoryLimiterStore();
  private readonly redis: Redis;
  private state: 'starting' | 'shared' | 'local' = 'starting';
  private readonly waiters = new Set<() => void>();
  private probe: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly o: RedisLimiterOptions) {
    this.redis = connectRedis(o.url);
    this.redis.on('ready', () => this.shared());
    this.redis.on('close', () => this.degraded(new Error('the connection to Redis closed')));
  }

  /** Resolves once Redis answered or the first attempt to reach it failed (or took too long). */
  async started(): Promise<void> {
    if (this.state !== 'starting') return;
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      this.waiters.add(resolve);
      timer = setTimeout(resolve, REDIS_CONNECT_TIMEOUT_MS + REDIS_COMMAND_TIMEOUT_MS);
    });
    clearTimeout(timer);
  }

  take(claims: readonly Claim[]): Promise<Verdict> {
    return this.judge(claims, true);
  }

  check(claims: readonly Claim[]): Promise<Verdict> {
    return this.judge(claims, false);
  }

  async refund(keys: readonly string[]): Promise<void> {
    if (!this.usable()) return this.local.refund(keys);
    try {
      await this.redis.eval(REFUND, keys.length, ...keys.map((k) => this.keyOf(k)));
    } catch (err: unknown) {
      // The attempt stays counted: the safe side of a refund that did not happen.
      this.degraded(err);
    }
  }

  status(): 'ok' | 'degraded' {
    return this.state === 'shared' ? 'ok' : 'degraded';
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopProbing();
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis.disconnect());
    else this.redis.disconnect();
  }

  private async judge(claims: readonly Claim[], count: boolean): Promise<Verdict> {
    const locally = (): Promise<Verdict> => (count ? this.local.take(claims) : this.local.check(claims));
    if (!this.usable()) return locally();
    const args = claims.flatMap((c) => [c.limit, c.windowMs]);
    try {
      const reply = await this.redis.eval(TAKE, claims.length, ...claims.map((c) => this.keyOf(c.key)), count ? 1 : 0, ...args);
      const [allowed, retryAfterMs] = takeReplySchema.parse(reply);
      return allowed === 1 ? ALLOWED : { allowed: false, retryAfterMs };
    } catch (err: unknown) {
      this.degraded(err);
      return locally();
    }
  }

  private usable(): boolean {
    return !this.closed && this.state === 'shared' && this.redis.status === 'ready';
  }

  private keyOf(key: string): string {
    return `${this.o.prefix}limits:${key}`;
  }

  private shared(): void {
    if (this.closed) return;
    this.stopProbing();
    if (this.state === 'local') this.o.log.info('rate limits recovered: counted in Redis again, shared by every node');
    else if (this.state === 'starting') this.o.log.info('rate limits are counted in Redis, shared by every node');
    this.state = 'shared';
    this.settle();
  }

  private degraded(error: unknown): void {
    if (this.closed) return;
    if (this.state !== 'local') {
      this.o.log.error('rate limits degraded: Redis is unreachable; this node counts alone until it returns', {
        error: error instanceof Error ? error.message : String(error),
      });
      this.state = 'local';
      this.settle();
    }
    // A closed connection comes back with 'ready'; one still open that stopped answering has to be asked.
    if (this.redis.status === 'ready') this.startProbing();
  }

  private startProbing(): void {
    if (this.probe) return;
    this.probe = setInterval(() => {
      if (this.redis.status !== 'ready') return;
      this.redis.ping().then(
        () => this.shared(),
        () => undefined,
      );
    }, PROBE_EVERY_MS);
    this.probe.unref();
  }

  private stopProbing(): void {
    if (this.probe) clearInterval(this.probe);
    this.probe = null;
  }

  private settle(): void {
    for (const resolve of this.waiters) resolve();
    this.waiters.clear();
  }
}
