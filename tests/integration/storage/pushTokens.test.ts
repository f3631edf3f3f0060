import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeviceIdSchema } from '../../../shared/api/devices';
import { OrderIdSchema, OutletIdSchema, TrackingTokenSchema, UserIdSchema, type OutletId, type UserId } from '../../../shared/ids';
import type { Role } from '../../../shared/roles';
import type { Db } from '../../../sync-server/storage/db';
import { MAX_PUSH_TOKENS, PushTokens } from '../../../sync-server/storage/pushTokens';
import { OrderIndex } from '../../../sync-server/storage/orderIndex';
import { UserRepo } from '../../../sync-server/storage/users';
import { openSqliteAt, type SqliteAt } from '../support/sqlStorage';
import { tempDataDir } from '../support/server';

const OUTLET = OutletIdSchema.parse('outlet-1');
const token = (n: number | string): string => `fcm-token-${n}-${'x'.repeat(20)}`;

describe('push token storage', () => {
  let db: Db;
  let tokens: PushTokens;
  let users: UserRepo;
  const addUser = (id: string, role: Role, outletId: OutletId | null = null): UserId => {
    const userId = UserIdSchema.parse(id);
    users.insert({ id: userId, email: `${id}@test.local`, name: id, role, outletId, passwordHash: 'x' });
    return userId;
  };

  let storage: SqliteAt;

  beforeEach(async () => {
    storage = await openSqliteAt(tempDataDir('push-tokens'));
    db = storage.raw;
    tokens = new PushTokens(db);
    users = new UserRepo(db);
  });
  afterEach(() => storage.close());

  it('moves a token registered again to the new user, and lets only its holder remove it', () => {
    const first = addUser('staff-a', 'outlet', OUTLET);
    const second = addUser('staff-b', 'outlet', OUTLET);
    tokens.registerDevice(token(1), first, 'outlet', DeviceIdSchema.parse('tablet-1'), 1);
    tokens.registerDevice(token(1), second, 'outlet', null, 2);

    expect(tokens.ofUser(first)).toEqual([]);
    expect(tokens.ofUser(second)).toEqual([{ token: token(1), userId: second, app: 'outlet', deviceId: null }]);
    expect(tokens.unregisterDevice(token(1), first)).toBe(false);
    expect(tokens.unregisterDevice(token(1), second)).toBe(true);
    expect(tokens.ofUser(second)).toEqual([]);
  });

  it('keeps the newest tokens of a user beyond the cap', () => {
    const driver = addUser('driver-a', 'driver');
    for (let i = 0; i < MAX_PUSH_TOKENS + 3; i++) tokens.registerDevice(token(i), driver, 'driver', null, 100 + i);
    const kept = tokens.ofUser(driver).map((r) => r.token);
    expect(kept).toHaveLength(MAX_PUSH_TOKENS);
    expect(kept).not.toContain(token(0));
    expect(kept).toContain(token(MAX_PUSH_TOKENS + 2));
  });

  it('finds an outlet’s staff, the admins, and no one who is disabled', () => {
    const staff = addUser('staff-a', 'outlet', OUTLET);
    const elsewhere = addUser('staff-z', 'outlet', OutletIdSchema.parse('outlet-2'));
    const admin = addUser('admin-a', 'admin');
    const gone = addUser('admin-b', 'admin');
    tokens.registerDevice(token('staff'), staff, 'outlet', null, 1);
    tokens.registerDevice(token('elsewhere'), elsewhere, 'outlet', null, 1);
    tokens.registerDevice(token('admin'), admin, 'admin', null, 1);
    tokens.registerDevice(token('gone'), gone, 'admin', null, 1);
    users.disableUser(gone);

    expect(tokens.ofOutlet(OUTLET).map((r) => r.token)).toEqual([token('staff')]);
    expect(tokens.ofAdmins().map((r) => r.token)).toEqual([token('admin')]);
    expect(tokens.ofUser(gone)).toEqual([]);
  });

  it('lets one browser follow two orders, and forgets an unregistered token everywhere', async () => {
    const orders = new OrderIndex(storage.sql);
    const a = TrackingTokenSchema.parse('link-a');
    const b = TrackingTokenSchema.parse('link-b');
    for (const [i, link] of [a, b].entries()) {
      const id = OrderIdSchema.parse(`order-${i}`);
      await orders.insert(
        {
          id,
          outletId: OUTLET,
          driverId: null,
          trackingToken: link,
          status: 'placed',
          createdAt: 1,
          type: 'pickup',
          source: 'online',
          customerName: 'Meera',
          customerPhone: '1',
          total: 100,
          currency: 'INR',
        },
        null,
      );
      tokens.registerTrack(link, id, token('browser'), 1);
    }
    expect(tokens.ofTrack(a)).toEqual([{ token: token('browser'), userId: null, app: 'track', deviceId: null }]);
    expect(tokens.ofTrack(b)).toHaveLength(1);

    tokens.forget(token('browser'));
    expect(tokens.ofTrack(a)).toEqual([]);
    expect(tokens.ofTrack(b)).toEqual([]);
  });
});
