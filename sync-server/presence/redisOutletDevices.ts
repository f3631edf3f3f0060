import type { Redis } from 'ioredis';
import { z } from 'zod';
import {
  deviceContactSchema,
  OUTLET_DEVICES_KEPT_MS,
  unsyncedReportSchema,
  type DeviceContact,
  type OutletDeviceRecords,
  type UnsyncedReport,
} from './outletDeviceBook';
import type { PresenceKeys } from './presenceKeys';
import { parseJson, run } from './redisReplies';

/**
 * Sets a hash field to a JSON record unless the one there is newer by its `at`: a heartbeat that
 * repeats an old contact, or a report that went through another node first, never undoes a newer one.
 */
const PUT_IF_NEWER = `
local known = redis.call('HGET', KEYS[1], ARGV[1])
if known then
  local ok, record = pcall(cjson.decode, known)
  if ok and type(record) == 'table' and tonumber(record.at) and tonumber(record.at) > tonumber(ARGV[3]) then return 0 end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1`;

const fieldsSchema = z.record(z.string(), z.string());

/**
 * Outlet devices' reports and last contacts in Redis: one hash each (`reports`, `contacts`), a field
 * per device id. A hash expires when nobody wrote to it for OUTLET_DEVICES_KEPT_MS; older fields are
 * removed as reads meet them.
 */
export class RedisOutletDevices {
  constructor(
    private readonly redis: Redis,
    private readonly keys: PresenceKeys,
  ) {}

  async put(records: OutletDeviceRecords): Promise<void> {
    if (records.reports.length === 0 && records.contacts.length === 0) return;
    const pipeline = this.redis.pipeline();
    const put = (hash: string, record: UnsyncedReport | DeviceContact): void => {
      pipeline.eval(PUT_IF_NEWER, 1, hash, record.deviceId, JSON.stringify(record), record.at, OUTLET_DEVICES_KEPT_MS);
    };
    for (const report of records.reports) put(this.keys.unsyncedReports, report);
    for (const contact of records.contacts) put(this.keys.deviceContacts, contact);
    await run(pipeline);
  }

  async read(now: number): Promise<OutletDeviceRecords> {
    const [reportFields, contactFields] = await run(
      this.redis.pipeline().hgetall(this.keys.unsyncedReports).hgetall(this.keys.deviceContacts),
    );
    const reports = this.fresh(this.keys.unsyncedReports, reportFields, unsyncedReportSchema, now);
    const contacts = this.fresh(this.keys.deviceContacts, contactFields, deviceContactSchema, now);
    return { reports: await reports, contacts: await contacts };
  }

  /** The hash's records written within the kept time; the rest (and any that do not parse) are deleted. */
  private async fresh<T extends { readonly at: number }>(hash: string, fields: unknown, schema: z.ZodType<T>, now: number): Promise<T[]> {
    const kept: T[] = [];
    const stale: string[] = [];
    for (const [field, value] of Object.entries(fieldsSchema.parse(fields))) {
      const parsed = schema.safeParse(parseJson(value));
      if (parsed.success && now - parsed.data.at <= OUTLET_DEVICES_KEPT_MS) kept.push(parsed.data);
      else stale.push(field);
    }
    if (stale.length > 0) await this.redis.hdel(hash, ...stale);
    return kept;
  }
}
