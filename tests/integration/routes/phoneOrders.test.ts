import { afterEach, describe, expect, it } from 'vitest';
import { orderDocName } from '../../../shared/docNames';
import type { OrderId, OutletId, UserId } from '../../../shared/ids';
import { readOrder } from '../../../shared/order/orderDoc';
import { TokenService } from '../../../sync-server/auth/tokens';
import { DEMO_OUTLET as DEMO_PROFILE } from '../../../sync-server/seed/demoCatalog';
import { UserRepo } from '../../../sync-server/storage/users';
import { PICKUP_ORDER } from '../support/api';
import { errorOf, postJson } from '../support/http';
import { MuxTestClient } from '../support/muxClient';
import { availabilityOf, editOutletDoc, profileOf, statusOf } from '../support/outletDoc';
import { DELIVERY } from '../support/refusals';
import { useTestServer } from '../support/testServer';

const JWT_SECRET = 'phone-orders-test-secret-0123456789abcdef';
const HOUR = 3_600_000;

const t = useTestServer({ JWT_SECRET });
afterEach(() =>
  editOutletDoc(t.url, t.admin, (d) => {
    profileOf(d).set('value', DEMO_PROFILE);
    availabilityOf(d).clear();
    statusOf(d).clear();
  }),
);

const PHONE = { ...PICKUP_ORDER, customer: { name: 'Caller Kavya', phone: '+91 90000 12345' }, source: 'phone' } as const;
const place = (body: unknown, token?: string, idempotencyKey?: string) =>
  postJson<{ orderId: OrderId }>(`${t.url}/api/orders`, body, {
    ...(token ? { token } : {}),
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });

async function headerOf(orderId: OrderId) {
  const desk = await MuxTestClient.connect(t.url, t.admin.token);
  try {
    return readOrder(await desk.open(orderDocName(orderId)))?.header;
  } finally {
    desk.close();
  }
}

const pause = () => editOutletDoc(t.url, t.outlet, (d) => statusOf(d).set('paused', { until: null, reason: 'Rush', at: Date.now() }));

describe('phone orders entered by outlet staff', () => {
  it('are taken while the outlet is paused, and the order records that it came by phone and when it was typed', async () => {
    await pause();
    const enteredAt = Date.now() - 2 * HOUR;
    const res = await place({ ...PHONE, enteredAt }, t.outlet.token);
    expect(res.status).toBe(201);
    const header = await headerOf(res.body.orderId);
    expect(header).toMatchObject({ source: 'phone', enteredAt, customer: PHONE.customer, totals: { total: 18000 } });
    expect(header?.createdAt).toBeGreaterThan(enteredAt);
  });

  it('are taken while the outlet is closed', async () => {
    const now = Date.now();
    await editOutletDoc(t.url, t.admin, (d) =>
      profileOf(d).set('value', { ...DEMO_PROFILE, closures: [{ from: now - HOUR, until: now + HOUR, reason: 'Holiday' }] }),
    );
    expect((await place(PHONE, t.outlet.token)).status).toBe(201);
    expect(errorOf(await place(PICKUP_ORDER))?.code).toBe('outlet_closed');
  });

  it('are otherwise validated and priced like any order', async () => {
    await editOutletDoc(t.url, t.outlet, (d) => availabilityOf(d).set('plain-dosa', { available: false, at: Date.now() }));
    const unavailable = await place(PHONE, t.outlet.token);
    expect(unavailable.status).toBe(422);
    expect(errorOf(unavailable)).toEqual({ code: 'item_unavailable', message: 'Plain Dosa is not available right now.' });
    const far = await place({ ...DELIVERY, source: 'phone', address: { text: 'Mysuru', lat: 12.3, lng: 76.6 } }, t.outlet.token);
    expect(errorOf(far)?.code).toBe('outside_zone');
    const small = await place({ ...DELIVERY, source: 'phone', items: [{ itemId: 'buttermilk', qty: 1 }] }, t.outlet.token);
    expect(errorOf(small)?.code).toBe('below_minimum');
  });

  it('are idempotent on the Idempotency-Key, so an outbox retrying after an outage creates one order', async () => {
    await pause();
    const body = { ...PHONE, enteredAt: Date.now() - HOUR };
    const key = `phone-${Date.now()}`;
    const first = await place(body, t.outlet.token, key);
    const again = await place(body, t.outlet.token, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.orderId).toBe(first.body.orderId);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
  });

  it('keep a device time from the future no later than when the server got them', async () => {
    const res = await place({ ...PHONE, enteredAt: Date.now() + 10 * HOUR }, t.outlet.token);
    const header = await headerOf(res.body.orderId);
    expect(header?.enteredAt).toBe(header?.createdAt);
  });

  it('may be entered by an admin for any outlet', async () => {
    await pause();
    expect((await place(PHONE, t.admin.token)).status).toBe(201);
  });
});

describe('who may enter a phone order', () => {
  it('never a customer without a sign-in', async () => {
    await pause();
    const res = await place(PHONE);
    expect(res.status).toBe(401);
    expect(errorOf(res)).toEqual({ code: 'unauthorized', message: 'Sign in as outlet staff to enter phone orders.' });
  });

  it('not with a token that is forged or expired', async () => {
    const res = await place(PHONE, 'not-a-jwt');
    expect(res.status).toBe(401);
    const forged = await new TokenService('some-other-secret-0123456789abcdefghij', new UserRepo(t.server.sql)).issue(
      { id: t.admin.user.id as UserId, role: 'admin' },
      0,
    );
    expect((await place(PHONE, forged)).status).toBe(401);
  });

  it('not staff of another outlet, nor a driver', async () => {
    const users = new UserRepo(t.server.sql);
    await users.insert({
      id: 'staff-2' as UserId,
      email: 'staff-2@other.dabba.local',
      name: 'Other Staff',
      role: 'outlet',
      outletId: 'other-outlet' as OutletId,
      passwordHash: 'none',
    });
    const elsewhere = await new TokenService(JWT_SECRET, users).issue(
      { id: 'staff-2' as UserId, role: 'outlet', outletId: 'other-outlet' as OutletId },
      0,
    );
    const res = await place(PHONE, elsewhere);
    expect(res.status).toBe(403);
    expect(errorOf(res)?.message).toBe('Phone orders can be entered for your own outlet only.');
    expect((await place(PHONE, t.driver.token)).status).toBe(403);
  });

  it('arrive accepted by whoever took the call, with the prep time they chose, so no tablet rings for them', async () => {
    const res = await place({ ...PHONE, enteredAt: Date.now(), prepMinutes: 25 }, t.outlet.token);
    expect(res.status).toBe(201);
    const desk = await MuxTestClient.connect(t.url, t.admin.token);
    try {
      const view = readOrder(await desk.open(orderDocName(res.body.orderId)));
      expect(view?.state.status).toBe('accepted');
      const [placed, accepted] = view?.state.applied ?? [];
      expect(placed?.type).toBe('placed');
      // After the placement, never at the same instant: events fold in (at, id) order, and ids are random.
      expect(accepted).toMatchObject({ type: 'accepted', by: { id: t.outlet.user.id, role: 'outlet' }, prepMinutes: 25 });
      expect(accepted?.at).toBeGreaterThan(placed?.at ?? Infinity);
    } finally {
      desk.close();
    }
  });

  it('refuse a prep time on an order that did not come by phone', async () => {
    const res = await place({ ...PICKUP_ORDER, prepMinutes: 25 });
    expect(res.status).toBe(400);
    expect(errorOf(res)?.message).toContain('only for phone orders');
  });

  it('records ordinary orders as online, with no entry time', async () => {
    const res = await place(PICKUP_ORDER);
    const header = await headerOf(res.body.orderId);
    expect(header?.source).toBe('online');
    expect(header?.enteredAt).toBeUndefined();
  });
});
