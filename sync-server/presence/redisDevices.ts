import type { Redis } from 'ioredis';
import { z } from 'zod';
import { liveDeviceSchema } from '../../shared/api/presence';
import type { UserId } from '../../shared/ids';
import type { PositionFix } from './driverPresence';
import type { PresenceEntry } from './localDevices';
import type { PresenceKeys } from './presenceKeys';
import { parseJson, run } from './redisReplies';

const entrySchema = z.object({ id: z.string().min(1), device: liveDeviceSchema });
const positionSchema = z.object({ lat: z.number(), lng: z.number(), at: z.number(), accuracy: z.number().nullable() });

/** A position outlives its driver's sockets (dispatch reads recent ones), but not by days. */
const POSITION_TTL_MS = 24 * 3_600_000;

/** Keeps a position unless the stored one is newer by device time: nodes may write out of order. */
const RECORD_IF_NEWER = `
local known = redis.call('GET', KEYS[1])
if known then
  local ok, fix = pcall(cjson.decode, known)
  if ok and type(fix) == 'table' and tonumber(fix.at) and tonumber(fix.at) > tonumber(ARGV[2]) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
return 1`;

/**
 * Presence entries in Redis. The per-socket key's TTL decides whether a device is listed: a set member
 * whose key expired is skipped. Set scores (the writer's clock plus the TTL) only let stale members be
 * swept, with a TTL of slack so clocks that disagree by less than that never drop a live device.
 */
export class RedisDevices {
  constructor(
    private readonly redis: Redis,
    private readonly keys: PresenceKeys,
    private readonly ttlMs: number,
  ) {}

  /** Writes or refreshes entries: each lives `ttlMs` from now unless refreshed again. */
  async put(entries: readonly PresenceEntry[], now: number): Promise<void> {
    const pipeline = this.redis.pipeline();
    const sets = new Set<string>([this.keys.all]);
    for (const entry of entries) {
      pipeline.set(this.keys.connection(entry.id), JSON.stringify(entry), 'PX', this.ttlMs);
      for (const set of this.keys.setsOf(entry.device)) {
        pipeline.zadd(set, now + this.ttlMs, entry.id);
        sets.add(set);
      }
    }
    for (const set of sets) {
      pipeline.zremrangebyscore(set, '-inf', now - this.ttlMs);
      // A set no node refreshes any more (all its devices' nodes died) goes by itself.
      pipeline.pexpire(set, 2 * this.ttlMs);
    }
    await run(pipeline);
  }

  async remove(entries: readonly PresenceEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const entry of entries) {
      pipeline.del(this.keys.connection(entry.id));
      for (const set of this.keys.setsOf(entry.device)) pipeline.zrem(set, entry.id);
    }
    await run(pipeline);
  }

  /** The live entries a set names, sweeping members long expired. */
  async read(set: string, now: number): Promise<PresenceEntry[]> {
    const pipeline = this.redis
      .pipeline()
      .zremrangebyscore(set, '-inf', now - this.ttlMs)
      .zrange(set, 0, -1);
    const [, members] = await run(pipeline);
    const ids = z.array(z.string()).parse(members);
    if (ids.length === 0) return [];
    const values = await this.redis.mget(ids.map((id) => this.keys.connection(id)));
    const entries: PresenceEntry[] = [];
    for (const value of values) {
      const parsed = value === null ? null : entrySchema.safeParse(parseJson(value));
      if (parsed?.success) entries.push(parsed.data);
    }
    return entries;
  }

  async recordPosition(driverId: UserId, fix: PositionFix): Promise<void> {
    await this.redis.eval(RECORD_IF_NEWER, 1, this.keys.position(driverId), JSON.stringify(fix), fix.at, POSITION_TTL_MS);
  }

  async position(driverId: UserId): Promise<PositionFix | null> {
    const value = await this.redis.get(this.keys.position(driverId));
    const parsed = value === null ? null : positionSchema.safeParse(parseJson(value));
    return parsed?.success ? parsed.data : null;
  }
}
