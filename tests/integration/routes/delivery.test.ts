import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orderDocName } from '../../../shared/docNames';
import type { OrderId } from '../../../shared/ids';
import { readOrder } from '../../../shared/order/orderDoc';
import type { DabbaServer } from '../../../sync-server/app';
import { DriverRepo } from '../../../sync-server/storage/drivers';
import { loginAll, PICKUP_ORDER, placeOrder, type DemoSessions } from '../support/api';
import { A_KM_AWAY, appendAs, loginAs, NEAR_OUTLET } from '../support/drivers';
import { errorOf, getJson, postJson, type JsonResponse } from '../support/http';
import { MuxTestClient } from '../support/muxClient';
import { DELIVERY } from '../support/refusals';
import { startTestServer } from '../support/server';
import { eventually } from '../support/stockClient';

const SERVICE_TOKEN = 'svc-0123456789abcdef0123456789abcdef';
let server: DabbaServer;
let s: DemoSessions;

beforeEach(async () => {
  server = await startTestServer({ DABBA_SERVICE_TOKEN: SERVICE_TOKEN });
  s = await loginAll(server.url);
});
afterEach(() => server.close());

const service = { token: SERVICE_TOKEN };
const addAgent = (body: object, auth: { token?: string } = service) =>
  postJson<{ id: string; name: string; phone: string; onShift: boolean }>(`${server.url}/delivery`, body, auth);
const newDelivery = (body: object, auth: { token?: string } = service) =>
  postJson<{ orderId: string; driverId: string; distanceMeters: number }>(`${server.url}/newdelivery`, body, auth);
const agentOrder = (id: string, auth: { token?: string } = service) => getJson(`${server.url}/delivery/${id}`, auth);
async function complete(id: string, token = SERVICE_TOKEN): Promise<JsonResponse> {
  const res = await fetch(`${server.url}/delivery/${id}`, { method: 'PUT', headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

/** 400 naming the field (the message starts with its path). */
function expectBadField(res: JsonResponse, field: string): void {
  expect(res.status).toBe(400);
  expect(errorOf(res)?.message.startsWith(field)).toBe(true);
}

async function agent(name = 'Kiran Rao', position = NEAR_OUTLET): Promise<string> {
  const res = await addAgent({ name, phone: '+91 98860 55555', ...position });
  expect(res.status).toBe(201);
  return res.body.id;
}

describe('POST /delivery', () => {
  it('adds an agent on shift, placed at the first outlet without a position; with a password they can use the app', async () => {
    const res = await addAgent({ name: 'Kiran Rao', phone: '+91 98860 55555' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), name: 'Kiran Rao', phone: '+91 98860 55555', onShift: true });
    expect(await new DriverRepo(server.sql).get(res.body.id)).toMatchObject({
      capacity: 2,
      onShift: true,
      position: { lat: 12.9756, lng: 77.6066, declared: true },
    });

    const withLogin = await addAgent(
      { name: 'Meena', phone: '9886055556', email: 'meena@agents.test', password: 'long-enough', capacity: 3, ...A_KM_AWAY },
      { token: s.admin.token },
    );
    expect(withLogin.status).toBe(201);
    const session = await loginAs(server.url, 'meena@agents.test', 'long-enough');
    const me = await getJson(`${server.url}/api/driver/me`, { token: session.token });
    expect(me.body).toMatchObject({ id: withLogin.body.id, onShift: true, capacity: 3, position: A_KM_AWAY });
    expect(errorOf(await addAgent({ name: 'Other', phone: '9886055557', email: 'MEENA@agents.test' }))?.code).toBe('email_taken');
  });

  it('needs an admin or the service token, and refuses bad bodies naming the field', async () => {
    expect((await addAgent({ name: 'A', phone: '9886055555' }, {})).status).toBe(401);
    expect((await addAgent({ name: 'A', phone: '9886055555' }, { token: 'svc-wrong' })).status).toBe(401);
    expect((await addAgent({ name: 'A', phone: '9886055555' }, { token: s.outlet.token })).status).toBe(403);
    expect((await addAgent({ name: 'A', phone: '9886055555' }, { token: s.driver.token })).status).toBe(403);
    const phone = '+91 98860 55555';
    expectBadField(await addAgent({ phone }), 'name');
    expectBadField(await addAgent({ name: '  ', phone }), 'name');
    expectBadField(await addAgent({ name: 'A' }), 'phone');
    expectBadField(await addAgent({ name: 'A', phone: 'call me' }), 'phone');
    expectBadField(await addAgent({ name: 'A', phone, email: 'not-an-email' }), 'email');
    expectBadField(await addAgent({ name: 'A', phone, password: 'short' }), 'password');
    expectBadField(await addAgent({ name: 'A', phone, capacity: 0 }), 'capacity');
    expectBadField(await addAgent({ name: 'A', phone, lat: 12.97 }), 'lng');
    expectBadField(await addAgent({ name: 'A', phone, lat: 95, lng: 77.6 }), 'lat');
    expect(errorOf(await addAgent({ name: 'A', phone, vehicle: 'bike' }))?.code).toBe('invalid_body');
  });
});

describe('POST /newdelivery', () => {
  it('assigns the best-fit agent at once, as system, and says who and how far', async () => {
    const near = await agent('Near', NEAR_OUTLET);
    await agent('Far', A_KM_AWAY);
    const { orderId } = await placeOrder(server.url, DELIVERY);
    const res = await newDelivery({ orderId });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ orderId, driverId: near });
    expect(res.body.distanceMeters).toBeGreaterThan(0);
    expect(res.body.distanceMeters).toBeLessThan(100);
    const desk = await MuxTestClient.connect(server.url, s.admin.token);
    const doc = await desk.open(orderDocName(orderId));
    expect(readOrder(doc)?.state.applied.at(-1)).toMatchObject({ type: 'assigned', driverId: near, by: { role: 'system' } });
    desk.close();
    expect(errorOf(await newDelivery({ orderId }))?.code).toBe('already_assigned');
  });

  it('refuses unknown orders, pickups, finished orders, no driver available and bad bodies', async () => {
    expect(await newDelivery({ orderId: 'noSuchOrder' })).toMatchObject({ status: 404, body: { error: { code: 'unknown_order' } } });
    const pickup = await placeOrder(server.url, PICKUP_ORDER);
    expect(await newDelivery({ orderId: pickup.orderId })).toMatchObject({ status: 422, body: { error: { code: 'not_a_delivery' } } });
    const { orderId } = await placeOrder(server.url, DELIVERY);
    expect(await newDelivery({ orderId })).toMatchObject({ status: 409, body: { error: { code: 'no_driver_available' } } });
    await appendAs(server.url, s.outlet, orderId, { type: 'rejected', reason: 'out of stock' });
    await agent();
    expect(await newDelivery({ orderId })).toMatchObject({ status: 422, body: { error: { code: 'order_finished' } } });
    expectBadField(await newDelivery({}), 'orderId');
    expectBadField(await newDelivery({ orderId: 'a:b' }), 'orderId');
    expect((await newDelivery({ orderId }, { token: s.outlet.token })).status).toBe(403);
  });
});

describe('GET and PUT /delivery/{id}', () => {
  it('show the agent’s latest order and complete it so the order document and the outlet see it', async () => {
    const id = await agent();
    expect(errorOf(await agentOrder(id))?.code).toBe('no_order');
    expect(errorOf(await complete(id))?.code).toBe('no_active_delivery');
    const { orderId } = await placeOrder(server.url, DELIVERY);
    await newDelivery({ orderId });
    const latest = await agentOrder(id);
    expect(latest.status).toBe(200);
    expect(latest.body).toMatchObject({
      orderId,
      status: 'placed',
      assignedAt: expect.any(Number),
      outlet: { name: 'Dabba Demo Kitchen', address: '12 MG Road, Bengaluru 560001', phone: '+91 80 4000 1234' },
      dropoff: { text: '22 Residency Rd', lat: 12.968, lng: 77.6 },
      customerFirstName: 'Priya',
      cashToCollect: expect.any(Number),
    });
    // Not accepted by the outlet yet: there is nothing to pick up.
    expect(errorOf(await complete(id))?.code).toBe('no_active_delivery');

    const tablet = await MuxTestClient.connect(server.url, s.outlet.token);
    const doc = await tablet.open(orderDocName(orderId as OrderId));
    await appendAs(server.url, s.outlet, orderId, { type: 'accepted', prepMinutes: 10 });
    expect(await complete(id)).toMatchObject({ status: 200, body: { orderId, status: 'delivered' } });
    await eventually(() => readOrder(doc)?.state.status === 'delivered', 10_000, 'the outlet to see it delivered');
    const seen = readOrder(doc);
    expect(seen?.state.applied.slice(-2).map((e) => [e.type, e.by])).toEqual([
      ['picked_up', { id: 'system', role: 'system' }],
      ['delivered', { id: 'system', role: 'system' }],
    ]);
    expect((await agentOrder(id)).body).toMatchObject({ orderId, status: 'delivered' });
    expect(errorOf(await complete(id))?.code).toBe('no_active_delivery');
    tablet.close();
  });

  it('completes as the calling admin, the order the agent is carrying before one assigned earlier', async () => {
    const id = await agent();
    const [earlier, carried] = [(await placeOrder(server.url, DELIVERY)).orderId, (await placeOrder(server.url, DELIVERY)).orderId];
    for (const orderId of [earlier, carried]) {
      await appendAs(server.url, s.outlet, orderId, { type: 'accepted', prepMinutes: 10 });
      await appendAs(server.url, s.admin, orderId, { type: 'assigned', driverId: id });
    }
    await appendAs(server.url, s.admin, carried, { type: 'picked_up' });
    expect(await complete(id, s.admin.token)).toMatchObject({ status: 200, body: { orderId: carried, status: 'delivered' } });
    const desk = await MuxTestClient.connect(server.url, s.admin.token);
    const doc = await desk.open(orderDocName(carried));
    expect(readOrder(doc)?.state.applied.at(-1)).toMatchObject({ type: 'delivered', by: { id: s.admin.user.id, role: 'admin' } });
    desk.close();
    expect(await complete(id, s.admin.token)).toMatchObject({ status: 200, body: { orderId: earlier, status: 'delivered' } });

    expect(errorOf(await complete('noSuchAgent'))?.code).toBe('unknown_agent');
    expect(errorOf(await agentOrder('noSuchAgent'))?.code).toBe('unknown_agent');
    expect(errorOf(await agentOrder(s.outlet.user.id))?.code).toBe('unknown_agent'); // a user, but not an agent
    expect(errorOf(await agentOrder('not.an.id'))?.code).toBe('unknown_agent'); // no id could name it: not looked up
    expect(errorOf(await complete('not.an.id'))?.code).toBe('unknown_agent');
    expect((await complete(id, s.outlet.token)).status).toBe(403);
    expect((await agentOrder(id, {})).status).toBe(401);
  });
});
