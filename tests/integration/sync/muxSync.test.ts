import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ADMIN_INBOX, driverInboxName, orderDocName, outletInboxName, trackDocName } from '../../../shared/docNames';
import { newEventId, type OrderId, type TrackingToken, type UserId } from '../../../shared/ids';
import { inboxOrderIds } from '../../../shared/inbox';
import { eventsArray, orderMap, readOrder } from '../../../shared/order/orderDoc';
import { CloseCode } from '../../../shared/protocol/closeCodes';
import { ANONYMOUS_MAX_DOCS, MAX_REJECTS_PER_MINUTE } from '../../../shared/protocol/limits';
import { MuxType } from '../../../shared/protocol/muxMessages';
import { readTrack } from '../../../shared/track';
import type { DabbaServer } from '../../../sync-server/app';
import { authorOf, loginAll, placeOrder, type Session } from '../support/api';
import { MuxTestClient } from '../support/muxClient';
import { startTestServer } from '../support/server';
import { eventually } from '../support/stockClient';

let server: DabbaServer;
let outlet: Session;
let admin: Session;
let driver: Session;

beforeAll(async () => {
  server = await startTestServer();
  ({ outlet, admin, driver } = await loginAll(server.url));
});
afterAll(() => server.close());

const author = authorOf;
const note = (s: Session, text = 'hello', at = Date.now()) => ({ id: newEventId(), type: 'note', at, by: author(s), text });

async function device(s: Session | null): Promise<MuxTestClient> {
  return MuxTestClient.connect(server.url, s?.token ?? null);
}

async function deliveryOrder(): Promise<OrderId> {
  const { orderId } = await placeOrder(server.url, {
    outletId: 'demo-outlet',
    type: 'delivery',
    items: [{ itemId: 'thali', qty: 1, modifiers: [{ groupId: 'size', optionId: 'large' }] }],
    customer: { name: 'Arjun', phone: '+91 99000 11111' },
    address: { text: '1 Brigade Rd', lat: 12.97, lng: 77.61 },
    payment: { method: 'cash' },
  });
  return orderId;
}

describe('multiplexed /sync endpoint', () => {
  it('acknowledges a committed update and relays it to the other devices holding the order', async () => {
    const orderId = await deliveryOrder();
    const name = orderDocName(orderId);
    const [tablet, desk] = await Promise.all([device(outlet), device(admin)]);
    await tablet.open(name);
    const deskDoc = await desk.open(name);
    const answer = await tablet.change(name, (d) =>
      eventsArray(d).push([{ id: newEventId(), type: 'accepted', at: Date.now(), by: author(outlet), prepMinutes: 20 }]),
    );
    expect(answer.type).toBe(MuxType.ACK);
    await eventually(() => readOrder(deskDoc)?.state.status === 'accepted', 5000, 'relay to the admin');
    tablet.close();
    desk.close();
  });

  it('commits an event stamped with the device that wrote it offline, and relays the stamp as written', async () => {
    const orderId = await deliveryOrder();
    const name = orderDocName(orderId);
    const [tablet, desk] = await Promise.all([device(outlet), device(admin)]);
    await tablet.open(name);
    const deskDoc = await desk.open(name);
    const stamp = { id: 'kitchen-tablet-2', app: 'outlet', offline: true };
    const answer = await tablet.change(name, (d) =>
      eventsArray(d).push([{ id: newEventId(), type: 'accepted', at: Date.now(), by: author(outlet), prepMinutes: 20, device: stamp }]),
    );
    expect(answer.type).toBe(MuxType.ACK);
    await eventually(() => readOrder(deskDoc)?.state.status === 'accepted', 5000, 'relay to the admin');
    expect(readOrder(deskDoc)?.state.applied.at(-1)?.device).toEqual(stamp);
    tablet.close();
    desk.close();
  });

  it('lists placed orders in the outlet and admin inboxes', async () => {
    const orderId = await deliveryOrder();
    const tablet = await device(outlet);
    const desk = await device(admin);
    expect(inboxOrderIds(await tablet.open(outletInboxName(outlet.user.outletId as never)))).toContain(orderId);
    expect(inboxOrderIds(await desk.open(ADMIN_INBOX))).toContain(orderId);
    tablet.close();
    desk.close();
  });

  it('rejects with a named reason, keeps the connection, and stores nothing of a refused update', async () => {
    const orderId = await deliveryOrder();
    const name = orderDocName(orderId);
    const tablet = await device(outlet);
    const doc = await tablet.open(name);
    const cases: [string, (d: Y.Doc) => void][] = [
      ['event_not_allowed', (d) => eventsArray(d).push([{ id: newEventId(), type: 'delivered', at: Date.now(), by: author(outlet) }])],
      ['author_mismatch', (d) => eventsArray(d).push([note(admin)])],
      ['events_removed', (d) => eventsArray(d).delete(0, 1)],
      ['field_not_writable', (d) => orderMap(d).set('totals', { subtotal: 1, deliveryFee: 0, total: 1 })],
      ['field_not_writable', (d) => d.getMap('extra').set('x', 1)],
      ['event_invalid', (d) => eventsArray(d).push([{ type: 'note', text: 'no id' }])],
      ['clock_skew', (d) => eventsArray(d).push([note(outlet, 'from the future', Date.now() + 3_600_000)])],
    ];
    for (const [code, change] of cases) {
      const scratch = new Y.Doc();
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
      const before = Y.encodeStateVector(scratch);
      change(scratch);
      const answer = await tablet.sendUpdate(name, Y.encodeStateAsUpdate(scratch, before));
      expect(answer.type === MuxType.REJECT && answer.code).toBe(code);
    }
    const garbage = await tablet.sendUpdate(name, new Uint8Array([1, 2, 3, 4, 5]));
    expect(garbage.type === MuxType.REJECT && garbage.code).toBe('undecodable');
    expect(tablet.closeCode).toBeNull();
    expect((await tablet.change(name, (d) => eventsArray(d).push([note(outlet, 'still here')]))).type).toBe(MuxType.ACK);
    tablet.close();

    const desk = await device(admin);
    const stored = await desk.open(name);
    const types = eventsArray(stored)
      .toArray()
      .map((e) => (e as { type: string; text?: string }).text ?? (e as { type: string }).type);
    expect(types).toEqual(['placed', 'still here']);
    expect(orderMap(stored).get('totals')).not.toEqual({ subtotal: 1, deliveryFee: 0, total: 1 });
    desk.close();
  });

  it('refuses writes to server-maintained documents', async () => {
    const desk = await device(admin);
    await desk.open(ADMIN_INBOX);
    const answer = await desk.change(ADMIN_INBOX, (d) => d.getMap('orders').set('fake', { placedAt: 1 }));
    expect(answer.type === MuxType.REJECT && answer.code).toBe('read_only');
    desk.close();
  });

  it('closes a connection that keeps sending refused updates', async () => {
    const orderId = await deliveryOrder();
    const name = orderDocName(orderId);
    const phone = await device(outlet);
    await phone.open(name);
    for (let i = 0; i <= MAX_REJECTS_PER_MINUTE; i++) phone.sendUpdate(name, new Uint8Array([9, 9, 9])).catch(() => undefined);
    expect(await phone.closed()).toBe(CloseCode.ABUSE);
  });

  it('refuses orders a driver is not assigned to, hands them over on assignment and takes them back on unassignment', async () => {
    const orderId = await deliveryOrder();
    const name = orderDocName(orderId);
    const phone = await device(driver);
    const refusal = await phone.subscribe(name);
    expect(refusal instanceof Y.Doc ? 'subscribed' : refusal.code).toBe('forbidden');

    const inbox = await phone.open(driverInboxName(driver.user.id as UserId));
    const desk = await device(admin);
    await desk.open(name);
    await desk.change(name, (d) =>
      eventsArray(d).push([{ id: newEventId(), type: 'assigned', at: Date.now(), by: author(admin), driverId: driver.user.id }]),
    );
    await eventually(() => inboxOrderIds(inbox).includes(orderId), 5000, 'the order in the driver inbox');
    phone.refused.delete(name);
    const doc = await phone.open(name);
    expect(readOrder(doc)?.state.driverId).toBe(driver.user.id);

    await desk.change(name, (d) =>
      eventsArray(d).push([
        { id: newEventId(), type: 'unassigned', at: Date.now(), by: author(admin), driverId: driver.user.id, reason: 'reassigning' },
      ]),
    );
    await eventually(() => !inboxOrderIds(inbox).includes(orderId), 5000, 'the order to leave the driver inbox');
    await eventually(() => phone.refused.get(name)?.code === 'forbidden', 5000, 'access to be revoked');
    phone.close();
    desk.close();
  });

  it('lets an anonymous tracking page read only its own track document', async () => {
    const { orderId, trackingUrl } = await placeOrder(server.url);
    const token = trackingUrl.split('/track/')[1] as TrackingToken;
    const viewer = await device(null);
    const track = await viewer.open(trackDocName(token));
    expect(readTrack(track)).toMatchObject({ status: 'placed', outletName: 'Dabba Demo Kitchen' });
    expect(JSON.stringify(track.toJSON())).not.toContain(orderId);
    const order = await viewer.subscribe(orderDocName(orderId));
    expect(order instanceof Y.Doc ? 'subscribed' : order.code).toBe('forbidden');
    const wrong = await viewer.subscribe(trackDocName('x'.repeat(32) as TrackingToken));
    expect(wrong instanceof Y.Doc ? 'subscribed' : wrong.code).toBe('not_found');
    // The forged write is made on a copy: the viewer's own document must stay a faithful replica.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(track));
    const before = Y.encodeStateVector(forged);
    forged.getMap('track').set('view', { status: 'delivered' });
    const answer = await viewer.sendUpdate(trackDocName(token), Y.encodeStateAsUpdate(forged, before));
    expect(answer.type === MuxType.REJECT && answer.code).toBe('read_only');

    const tablet = await device(outlet);
    await tablet.open(orderDocName(orderId));
    await tablet.change(orderDocName(orderId), (d) =>
      eventsArray(d).push([{ id: newEventId(), type: 'accepted', at: Date.now(), by: author(outlet), prepMinutes: 12 }]),
    );
    await eventually(() => readTrack(track)?.status === 'accepted', 5000, 'the tracking page to see "accepted"');
    expect(readTrack(track)?.readyBy).toBeGreaterThan(Date.now());
    viewer.close();
    tablet.close();
  });

  it('bounds an anonymous socket: a few tracking documents, no presence, no writes', async () => {
    const tokens = await Promise.all(
      Array.from(
        { length: ANONYMOUS_MAX_DOCS + 1 },
        async () => (await placeOrder(server.url)).trackingUrl.split('/track/')[1] as TrackingToken,
      ),
    );
    const viewer = await device(null);
    const answers = [];
    for (const token of tokens) answers.push(await viewer.subscribe(trackDocName(token)));
    expect(answers.slice(0, ANONYMOUS_MAX_DOCS).every((a) => a instanceof Y.Doc)).toBe(true);
    const last = answers.at(-1);
    expect(last instanceof Y.Doc ? 'subscribed' : last?.code).toBe('rate_limited');
    expect((await viewer.subscribe(ADMIN_INBOX)) instanceof Y.Doc).toBe(false);
    viewer.close();
  });

  it('closes with MALFORMED on a frame that is not a protocol message', async () => {
    const client = await device(outlet);
    client.ws.send(new Uint8Array([200, 200, 200]));
    expect(await client.closed()).toBe(CloseCode.MALFORMED);
  });
});
