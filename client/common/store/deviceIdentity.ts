import { DeviceIdSchema, type DeviceId } from '../../../shared/api/devices';
import { randomId } from '../../../shared/ids';
import type { DabbaDb } from './db';

const KEY = 'deviceId';

/**
 * This device's own id: made up once, at random, and kept in its IndexedDB for as long as the store
 * lives, whoever signs in. Created inside one transaction so two tabs opening together agree on it.
 */
export async function deviceIdOf(db: DabbaDb): Promise<DeviceId> {
  return db.transaction('rw', db.meta, async () => {
    const stored = DeviceIdSchema.safeParse((await db.meta.get(KEY))?.value);
    if (stored.success) return stored.data;
    const created = DeviceIdSchema.parse(randomId());
    await db.meta.put({ key: KEY, value: created });
    return created;
  });
}
