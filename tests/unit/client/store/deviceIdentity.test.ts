import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DeviceIdSchema } from '../../../../shared/api/devices';
import { openDabbaDb } from '../../../../client/common/store/db';
import { deviceIdOf } from '../../../../client/common/store/deviceIdentity';

let serial = 0;
const freshDb = () => openDabbaDb(`device-identity-test-${++serial}`);

describe('deviceIdOf', () => {
  it('makes up a valid id once and keeps it across reopenings of the store', async () => {
    const name = `device-identity-test-${++serial}`;
    const first = await deviceIdOf(openDabbaDb(name));
    expect(DeviceIdSchema.safeParse(first).success).toBe(true);
    expect(await deviceIdOf(openDabbaDb(name))).toBe(first);
  });

  it('gives two stores two different ids', async () => {
    expect(await deviceIdOf(freshDb())).not.toBe(await deviceIdOf(freshDb()));
  });

  it('agrees on one id when two tabs ask at once', async () => {
    const name = `device-identity-test-${++serial}`;
    const [a, b] = await Promise.all([deviceIdOf(openDabbaDb(name)), deviceIdOf(openDabbaDb(name))]);
    expect(a).toBe(b);
  });

  it('replaces a stored value that is not a device id', async () => {
    const db = freshDb();
    await db.meta.put({ key: 'deviceId', value: 'not a valid id!' });
    const id = await deviceIdOf(db);
    expect(id).not.toBe('not a valid id!');
    expect(await deviceIdOf(db)).toBe(id);
  });
});
