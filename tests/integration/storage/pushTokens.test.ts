import { describe, expect, it } from 'vitest';
import { DeviceIdSchema } from '../../../shared/api/devices';
import {
  OrderIdSchema,
  OutletIdSchema,
  TrackingTokenSchema,
  UserIdSchema,
  type OrderId,
  type OutletId,
  type TrackingToken,
  type UserId,
} from '../../../shared/ids';
import type { Role } from '../../../shared/roles';
import { MAX_PUSH_TOKENS, PushTokens } from '../../../sync-server/storage/pushTokens';
import { DIALECTS, useTestStorage, type Dialect } from '../support/sqlStorage';

const OUTLET = OutletIdSchema.parse('outlet-1');
const token = (n: number | string): string => `fcm-token-${n}-${'x'.repeat(20)}`;

describe.each(DIALECTS)('push tokens stored on %s', (dialect: Dialect) => {
  const storage = useTestStorage(dialect);
  const tokens = (): PushTokens => new PushTokens(storage().db);

  const addUser = async (id: string, role: Role, outletId: OutletId | null = null): Promise<UserId> => {
    await storage()
      .db.insertInto('users')
      .values({ id, email: `${id}@test.local`, name: id, role, outlet_id: outletId, password_hash: 'x', created_at: 1 })
      .execute();
    return UserIdSchema.parse(id);
  };
  const disable = (id: UserId) => storage().db.updateTable('users').set({ disabled: 1 }).where('id', '=', id).execute();
  const addOrder = async (n: number): Promise<{ id: OrderId; link: TrackingToken }> => {
    const id = OrderIdSchema.parse(`order-${n}`);
    const link = TrackingTokenSchema.parse(`link-${n}`);
    await storage()
      .db.insertInto('orders')
      .values({ id, outlet_id: OUTLET, tracking_token: link, status: 'placed', created_at: 1, updated_at: 1 })
      .execute();
    return { id, link };
  };
  const tokensOfUser = async (userId: UserId): Promise<string[]> => (await tokens().ofUser(userId)).map((r) => r.token);
  const tokensOfLink = async (link: TrackingToken): Promise<string[]> => (await tokens().ofTrack(link)).map((r) => r.token);

  it('finds nothing for a user, an outlet, the admins or a link before anything is registered', async () => {
    const staff = await addUser('staff-a', 'outlet', OUTLET);
    expect(await tokens().ofUser(staff)).toEqual([]);
    expect(await tokens().ofOutlet(OUTLET)).toEqual([]);
    expect(await tokens().ofAdmins()).toEqual([]);
    expect(await tokens().ofTrack(TrackingTokenSchema.parse('link-0'))).toEqual([]);
  });

  it('moves a token registered again to the new user, app and device, and lets only its holder remove it', async () => {
    const first = await addUser('staff-a', 'outlet', OUTLET);
    const second = await addUser('admin-b', 'admin');
    await tokens().registerDevice(token(1), first, 'outlet', DeviceIdSchema.parse('tablet-1'), 1);
    expect(await tokens().ofUser(first)).toEqual([{ token: token(1), userId: first, app: 'outlet', deviceId: 'tablet-1' }]);
    await tokens().registerDevice(token(1), second, 'admin', null, 2);

    expect(await tokens().ofUser(first)).toEqual([]);
    expect(await tokens().ofUser(second)).toEqual([{ token: token(1), userId: second, app: 'admin', deviceId: null }]);
    expect(await tokens().unregisterDevice(token(1), first)).toBe(false);
    expect(await tokens().unregisterDevice(token(2), second)).toBe(false);
    expect(await tokens().unregisterDevice(token(1), second)).toBe(true);
    expect(await tokens().ofUser(second)).toEqual([]);
  });

  it('keeps the newest tokens of a user beyond the cap, a token registered again counting as new', async () => {
    const driver = await addUser('driver-a', 'driver');
    const other = await addUser('driver-b', 'driver');
    await tokens().registerDevice(token('other'), other, 'driver', null, 1);
    for (let i = 0; i < MAX_PUSH_TOKENS; i++) await tokens().registerDevice(token(i), driver, 'driver', null, 100 + i);
    await tokens().registerDevice(token(0), driver, 'driver', null, 500);
    await tokens().registerDevice(token('late'), driver, 'driver', null, 501);

    const kept = await tokensOfUser(driver);
    expect(kept).toHaveLength(MAX_PUSH_TOKENS);
    expect(kept).toContain(token(0));
    expect(kept).toContain(token('late'));
    expect(kept).not.toContain(token(1));
    // The cap is per user: another user's token is never trimmed for this one.
    expect(await tokensOfUser(other)).toEqual([token('other')]);
  });

  it('lists a user’s tokens in token order, whatever order they came in', async () => {
    const driver = await addUser('driver-a', 'driver');
    for (const name of ['b', 'C', 'a']) await tokens().registerDevice(token(name), driver, 'driver', null, 1);
    expect(await tokensOfUser(driver)).toEqual([token('C'), token('a'), token('b')]);
  });

  it('finds an outlet’s staff in the outlet app, the admins in the admin app, and no one who is disabled', async () => {
    const staff = await addUser('staff-a', 'outlet', OUTLET);
    const elsewhere = await addUser('staff-z', 'outlet', OutletIdSchema.parse('outlet-2'));
    const admin = await addUser('admin-a', 'admin');
    const gone = await addUser('admin-b', 'admin');
    const driver = await addUser('driver-a', 'driver');
    await tokens().registerDevice(token('staff'), staff, 'outlet', null, 1);
    await tokens().registerDevice(token('elsewhere'), elsewhere, 'outlet', null, 1);
    await tokens().registerDevice(token('admin'), admin, 'admin', null, 1);
    await tokens().registerDevice(token('gone'), gone, 'admin', null, 1);
    await tokens().registerDevice(token('driver'), driver, 'driver', null, 1);
    await disable(gone);

    expect((await tokens().ofOutlet(OUTLET)).map((r) => r.token)).toEqual([token('staff')]);
    expect((await tokens().ofAdmins()).map((r) => r.token)).toEqual([token('admin')]);
    expect(await tokens().ofUser(gone)).toEqual([]);
  });

  it('deletes every token of one user and no one else’s', async () => {
    const driver = await addUser('driver-a', 'driver');
    const other = await addUser('driver-b', 'driver');
    await tokens().registerDevice(token(1), driver, 'driver', null, 1);
    await tokens().registerDevice(token(2), driver, 'driver', null, 2);
    await tokens().registerDevice(token(3), other, 'driver', null, 3);
    await tokens().deleteUser(driver);
    expect(await tokens().ofUser(driver)).toEqual([]);
    expect(await tokensOfUser(other)).toEqual([token(3)]);
  });

  it('lets one browser follow two orders, and forgets an unregistered token everywhere', async () => {
    const a = await addOrder(1);
    const b = await addOrder(2);
    const driver = await addUser('driver-a', 'driver');
    for (const { id, link } of [a, b]) await tokens().registerTrack(link, id, token('browser'), 1);
    await tokens().registerDevice(token('browser'), driver, 'driver', null, 1);
    await tokens().registerTrack(a.link, a.id, token('other'), 1);
    expect(await tokens().ofTrack(a.link)).toEqual([
      { token: token('browser'), userId: null, app: 'track', deviceId: null },
      { token: token('other'), userId: null, app: 'track', deviceId: null },
    ]);
    expect(await tokensOfLink(b.link)).toEqual([token('browser')]);

    await tokens().forget(token('browser'));
    expect(await tokensOfLink(a.link)).toEqual([token('other')]);
    expect(await tokens().ofTrack(b.link)).toEqual([]);
    expect(await tokens().ofUser(driver)).toEqual([]);
  });

  it('keeps one row for a browser registered again on a link, and the newest browsers beyond the cap', async () => {
    const { id, link } = await addOrder(1);
    await tokens().registerTrack(link, id, token(0), 1);
    await tokens().registerTrack(link, id, token(0), 2);
    expect(await tokensOfLink(link)).toEqual([token(0)]);
    for (let i = 1; i <= MAX_PUSH_TOKENS; i++) await tokens().registerTrack(link, id, token(i), 10 + i);
    const kept = await tokensOfLink(link);
    expect(kept).toHaveLength(MAX_PUSH_TOKENS);
    expect(kept).not.toContain(token(0));
    expect(kept).toContain(token(MAX_PUSH_TOKENS));
  });

  it('removes a browser from one link, says whether it was following, and drops every browser of a finished order', async () => {
    const a = await addOrder(1);
    const b = await addOrder(2);
    await tokens().registerTrack(a.link, a.id, token(1), 1);
    await tokens().registerTrack(a.link, a.id, token(2), 1);
    await tokens().registerTrack(b.link, b.id, token(1), 1);

    expect(await tokens().unregisterTrack(b.link, token(2))).toBe(false);
    expect(await tokens().unregisterTrack(a.link, token(1))).toBe(true);
    expect(await tokensOfLink(a.link)).toEqual([token(2)]);
    expect(await tokensOfLink(b.link)).toEqual([token(1)]);

    await tokens().deleteTrack(a.link);
    expect(await tokens().ofTrack(a.link)).toEqual([]);
    expect(await tokensOfLink(b.link)).toEqual([token(1)]);
  });
});
