import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { orderDocName } from '../../../shared/docNames';
import { newEventId } from '../../../shared/ids';
import { eventsArray, readOrder } from '../../../shared/order/orderDoc';
import { CloseCode } from '../../../shared/protocol/closeCodes';
import { MAX_FRAME_BYTES } from '../../../shared/protocol/limits';
import type { DabbaServer } from '../../../sync-server/app';
import { authorOf, loginAll, placeOrder, type Session } from '../support/api';
import { startTestServer } from '../support/server';
import { eventually, stockProvider, whenClosed, whenSynced } from '../support/stockClient';

let server: DabbaServer;
let outlet: Session;
let admin: Session;
let driver: Session;

beforeAll(async () => {
  server = await startTestServer();
  ({ outlet, admin, driver } = await loginAll(server.url));
});
afterAll(() => server.close());

const by = authorOf;
const eventIds = (doc: Y.Doc): string[] =>
  eventsArray(doc)
    .toArray()
    .map((e) => (e as { id: string }).id)
    .sort();

describe('plain y-websocket endpoint with the stock client', () => {
  it('converges two devices that edited the same order while disconnected', async () => {
    const { orderId } = await placeOrder(server.url);
    const name = orderDocName(orderId);
    const tablet = stockProvider(server.url, name, outlet.token);
    const desk = stockProvider(server.url, name, admin.token);
    await Promise.all([whenSynced(tablet), whenSynced(desk)]);
    tablet.disconnect();
    desk.disconnect();

    eventsArray(tablet.doc).push([{ id: newEventId(), type: 'accepted', at: Date.now(), by: by(outlet), prepMinutes: 15 }]);
    eventsArray(desk.doc).push([
      { id: newEventId(), type: 'note', at: Date.now(), by: { id: admin.user.id, role: 'admin' }, text: 'Customer called: no onions' },
    ]);
    expect(eventIds(tablet.doc)).not.toEqual(eventIds(desk.doc));

    tablet.connect();
    desk.connect();
    await eventually(() => eventIds(tablet.doc).length === 3 && eventIds(desk.doc).length === 3, 10_000, 'both devices to hold 3 events');
    expect(eventIds(tablet.doc)).toEqual(eventIds(desk.doc));
    expect(readOrder(tablet.doc)?.state.status).toBe('accepted');
    expect(readOrder(desk.doc)?.state.status).toBe('accepted');
    tablet.destroy();
    desk.destroy();

    const fresh = stockProvider(server.url, name, admin.token);
    await whenSynced(fresh);
    expect(eventIds(fresh.doc)).toEqual(eventIds(tablet.doc));
    fresh.destroy();
  });

  it('closes with FORBIDDEN for a driver opening an order not assigned to them', async () => {
    const { orderId } = await placeOrder(server.url);
    const code = await whenClosed(stockProvider(server.url, orderDocName(orderId), driver.token));
    expect(code).toBe(CloseCode.FORBIDDEN);
  });

  it('closes with UNAUTHORIZED without a token or with a forged one', async () => {
    const { orderId } = await placeOrder(server.url);
    expect(await whenClosed(stockProvider(server.url, orderDocName(orderId), null))).toBe(CloseCode.UNAUTHORIZED);
    const forged = `${outlet.token.slice(0, -4)}AAAA`;
    expect(await whenClosed(stockProvider(server.url, orderDocName(orderId), forged))).toBe(CloseCode.UNAUTHORIZED);
  });

  it('closes with NOT_FOUND for an unknown document name or order', async () => {
    expect(await whenClosed(stockProvider(server.url, 'bogus:thing', admin.token))).toBe(CloseCode.NOT_FOUND);
    expect(await whenClosed(stockProvider(server.url, 'order:doesNotExist', admin.token))).toBe(CloseCode.NOT_FOUND);
  });

  it('rejects an event a driver forges for the outlet; nothing of it is stored or relayed', async () => {
    const { orderId } = await placeOrder(server.url, { ...PICKUP_AS_DELIVERY });
    const name = orderDocName(orderId);
    const desk = stockProvider(server.url, name, admin.token);
    await whenSynced(desk);
    eventsArray(desk.doc).push([
      { id: newEventId(), type: 'assigned', at: Date.now(), by: { id: admin.user.id, role: 'admin' }, driverId: driver.user.id },
    ]);
    const tablet = stockProvider(server.url, name, outlet.token);
    await whenSynced(tablet);
    await eventually(() => readOrder(tablet.doc)?.state.driverId === driver.user.id, 5000, 'assignment to reach the outlet');

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const phone = stockProvider(server.url, name, driver.token);
    await whenSynced(phone);
    const before = eventIds(tablet.doc);
    eventsArray(phone.doc).push([{ id: newEventId(), type: 'accepted', at: Date.now(), by: by(outlet), prepMinutes: 5 }]);
    await eventually(() => warn.mock.calls.some((c) => String(c[0]).includes('Permission denied')), 5000, 'the permission-denied message');
    warn.mockRestore();

    // A legitimate change after the forged one still flows, proving the forged one was not relayed in between.
    eventsArray(desk.doc).push([
      { id: newEventId(), type: 'note', at: Date.now(), by: { id: admin.user.id, role: 'admin' }, text: 'ping' },
    ]);
    await eventually(() => eventIds(tablet.doc).length === before.length + 1, 5000, 'the admin note to reach the outlet');
    expect(
      eventsArray(tablet.doc)
        .toArray()
        .some((e) => (e as { type: string }).type === 'accepted'),
    ).toBe(false);
    for (const p of [desk, tablet, phone]) p.destroy();

    const fresh = stockProvider(server.url, name, admin.token);
    await whenSynced(fresh);
    expect(
      eventsArray(fresh.doc)
        .toArray()
        .some((e) => (e as { type: string }).type === 'accepted'),
    ).toBe(false);
    expect(readOrder(fresh.doc)?.state.status).toBe('placed');
    fresh.destroy();
  });

  it('refuses malformed and oversize frames while other devices keep syncing', async () => {
    const { orderId } = await placeOrder(server.url);
    const name = orderDocName(orderId);
    const a = stockProvider(server.url, name, outlet.token);
    const b = stockProvider(server.url, name, admin.token);
    await Promise.all([whenSynced(a), whenSynced(b)]);

    const rawUrl = `${server.url.replace(/^http/, 'ws')}/sync/${encodeURIComponent(name)}?token=${outlet.token}`;
    const closeCodeOf = (payload: Uint8Array | string): Promise<number> =>
      new Promise((resolve) => {
        const ws = new WebSocket(rawUrl);
        ws.on('open', () => ws.send(payload));
        ws.on('close', (code) => resolve(code));
        ws.on('error', () => undefined);
      });
    const [garbage, text, huge] = await Promise.all([
      closeCodeOf(new Uint8Array([0, 7, 255, 255, 255, 255, 255, 1])),
      closeCodeOf('hello'),
      closeCodeOf(new Uint8Array(MAX_FRAME_BYTES + 1024)),
    ]);
    expect(garbage).toBe(CloseCode.MALFORMED);
    expect(text).toBe(CloseCode.MALFORMED);
    expect(huge).toBe(CloseCode.TOO_LARGE);

    eventsArray(a.doc).push([{ id: newEventId(), type: 'accepted', at: Date.now(), by: by(outlet), prepMinutes: 10 }]);
    await eventually(() => readOrder(b.doc)?.state.status === 'accepted', 5000, 'the accept to reach the other device');
    a.destroy();
    b.destroy();
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
  });
});

const PICKUP_AS_DELIVERY = {
  outletId: 'demo-outlet',
  type: 'delivery',
  items: [{ itemId: 'bisi-bele-bath', qty: 2 }],
  customer: { name: 'Meera', phone: '+91 98450 00000' },
  address: { text: '5 Church St, Bengaluru', lat: 12.975, lng: 77.605 },
  payment: { method: 'cash' },
} as const;
