import type { Redis } from 'ioredis';
import { z } from 'zod';

/**
 * Takes the lease when it is free, or held by an earlier term of the same holder (one that stepped down
 * while its key still lived), with the next fence token. KEYS: lease, counter. ARGV: holder, lease ms.
 * The lease holds `<holder>#<fence>`.
 */
const ACQUIRE = `
local held = redis.call('GET', KEYS[1])
if held and string.sub(held, 1, #ARGV[1] + 1) ~= ARGV[1] .. '#' then return false end
local fence = redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], ARGV[1] .. '#' .. fence, 'PX', ARGV[2])
return fence`;

/** Extends the lease if it is still this term's. KEYS: lease. ARGV: the term's value, lease ms. */
const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;

/** Gives the lease up if it is still this term's. KEYS: lease. ARGV: the term's value. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** Raises the fence counter to at least ARGV[1] (never lowers it). KEYS: counter. */
const RAISE = `
if tonumber(redis.call('GET', KEYS[1]) or '0') < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end
return 0`;

const acquiredSchema = z.union([z.number().int().positive(), z.null()]);
const countSchema = z.number().int();
const heldSchema = z.string().regex(/^.+#\d+$/);

export interface LeaseHolder {
  readonly holder: string;
  readonly fence: number;
}

/** Where the lease lives in Redis: `<prefix>dispatch:lease`, and the counter its fence tokens come from. */
export const leaseKeys = (prefix: string) => ({ lease: `${prefix}dispatch:lease`, counter: `${prefix}dispatch:fence` }) as const;

/**
 * The dispatch lease in Redis: one key that expires by itself (`leaseMs` after it was last taken or
 * renewed, on Redis's clock), so a holder that dies stops holding it. Each acquisition takes the next
 * number of a counter as its fence token, in the same script, so tokens only grow and no two terms share
 * one. Renewing and releasing compare the whole value, so a holder never touches a later term's lease.
 * Timing (when to renew, when to give up) is redisLeadership.ts's.
 */
export class RedisLease {
  constructor(
    private readonly redis: Redis,
    private readonly keys: ReturnType<typeof leaseKeys>,
    /** Unique per process: a node's id and a random part, so a restarted node is a new holder. */
    readonly holder: string,
    private readonly leaseMs: number,
  ) {}

  /** The fence token of a new term when the lease was free (or this holder's), else null. */
  async acquire(): Promise<number | null> {
    const reply = await this.redis.eval(ACQUIRE, 2, this.keys.lease, this.keys.counter, this.holder, this.leaseMs);
    return acquiredSchema.parse(reply);
  }

  /** True when the term still held the lease, now good for another `leaseMs`. */
  async renew(fence: number): Promise<boolean> {
    return countSchema.parse(await this.redis.eval(RENEW, 1, this.keys.lease, this.valueOf(fence), this.leaseMs)) === 1;
  }

  async release(fence: number): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.keys.lease, this.valueOf(fence));
  }

  /** Moves the counter past `fence`, a token storage saw (Redis lost its data, or was replaced). */
  async raiseCounter(fence: number): Promise<void> {
    await this.redis.eval(RAISE, 1, this.keys.counter, fence);
  }

  /** Who holds the lease now; null when nobody does. */
  async held(): Promise<LeaseHolder | null> {
    const value = await this.redis.get(this.keys.lease);
    if (value === null) return null;
    const parsed = heldSchema.parse(value);
    const at = parsed.lastIndexOf('#');
    return { holder: parsed.slice(0, at), fence: Number(parsed.slice(at + 1)) };
  }

  private valueOf(fence: number): string {
    return `${this.holder}#${fence}`;
  }
}
