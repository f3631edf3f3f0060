import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { orderDocName } from '../../../shared/docNames';
import { readOrder } from '../../../shared/order/orderDoc';
import type { DabbaServer } from '../../../sync-server/app';
import { login, PICKUP_ORDER } from '../support/api';
import { MuxTestClient } from '../support/muxClient';
import { startTestServer } from '../support/server';

let server: DabbaServer;
beforeAll(async () => { server = await startTestServer({ DABBA_ORDERS_PER_MINUTE: '1000' }); });
afterAll(() => server.close());

const post = (body: unknown, key?: string) => {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key) headers['Idempotency-Key'] = key;
  return fetch(`${server.url}/api/orders`, { method: 'POST', headers, body: JSON.stringify(body) });
};
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

const DELIVERY = {
  outletId: 'demo-outlet',
  type: 'delivery',
  items: [{ itemId: 'masala-dosa', qty: 2, modifiers: [{ groupId: 'chutney', optionId: 'mint' }, { groupId: 'extras', optionId: 'ghee' }] }],
  customer: { name: 'Priya', phone: '+91 98860 12345' },
  address: { text: '22 Residency Rd', lat: 12.968, lng: 77.6 },
  payment: { method: 'cash' },
};

describe('POST /api/orders', () => {
  it('prices the order from the catalog, ignoring prices the client sends', async () => {
    const res = await post({ ...DELIVERY, items: [{ ...DELIVERY.items[0], price: 1 }], totals: { total: 1 } });
    expect(res.status).toBe(201);
    const { orderId, trackingUrl } = (await res.json()) as { orderId: string; trackingUrl: string };
    expect(trackingUrl).toMatch(/\/track\/[A-Za-z0-9_-]{32}$/);
    const admin = await login(server.url, 'admin');
    const device = await MuxTestClient.connect(server.url, admin.token);
    const doc = await device.subscribe(orderDocName(orderId as never));
    if (!(doc instanceof Y.Doc)) throw new Error('refused');
    const view = readOrder(doc);
    // (12000 dosa + 1000 mint + 3000 ghee) × 2 + 4000 delivery fee
    expect(view?.header.totals).toEqual({ subtotal: 32000, deliveryFee: 4000, total: 36000 });
    expect(view?.state.status).toBe('placed');
    device.close();
  });

  it('creates one order for two submits with the same Idempotency-Key', async () => {
    const key = `retry-${Date.now()}`;
    const [a, b] = await Promise.all([post(PICKUP_ORDER, key), post(PICKUP_ORDER, key)]);
    const c = await post(PICKUP_ORDER, key);
    const ids = await Promise.all([a, b, c].map(async (r) => ((await r.json()) as { orderId: string }).orderId));
    expect(new Set(ids).size).toBe(1);
    expect(c.headers.get('Idempotent-Replayed')).toBe('true');
  });

  it('refuses an Idempotency-Key reused for a different order', async () => {
    const key = `reuse-${Date.now()}`;
    expect((await post(PICKUP_ORDER, key)).status).toBe(201);
    const res = await post({ ...PICKUP_ORDER, items: [{ itemId: 'filter-coffee', qty: 1 }] }, key);
    expect(res.status).toBe(422);
    expect((await errorOf(res)).code).toBe('idempotency_key_reused');
  });

  const refusals: [string, unknown, number, string, RegExp][] = [
    ['an unknown item', { ...PICKUP_ORDER, items: [{ itemId: 'pizza', qty: 1 }] }, 422, 'unknown_item', /no item "pizza"/],
    ['a zero quantity', { ...PICKUP_ORDER, items: [{ itemId: 'plain-dosa', qty: 0 }] }, 422, 'bad_quantity', /whole number from 1 to 99/],
    ['a fractional quantity', { ...PICKUP_ORDER, items: [{ itemId: 'plain-dosa', qty: 1.5 }] }, 422, 'bad_quantity', /whole number/],
    ['a missing required modifier', { ...PICKUP_ORDER, items: [{ itemId: 'thali', qty: 1 }] }, 422, 'invalid_modifiers', /choose 1 of "Size"/],
    ['an unknown modifier option', { ...PICKUP_ORDER, items: [{ itemId: 'thali', qty: 1, modifiers: [{ groupId: 'size', optionId: 'huge' }] }] }, 422, 'invalid_modifiers', /not an option/],
    ['a delivery below the minimum', { ...DELIVERY, items: [{ itemId: 'filter-coffee', qty: 1 }] }, 422, 'below_minimum', /minimum for delivery/],
    ['a delivery without an address', { ...DELIVERY, address: undefined }, 422, 'address_required', /needs an address/],
    ['a delivery outside every zone', { ...DELIVERY, address: { text: 'Mysuru', lat: 12.3, lng: 76.6 } }, 422, 'outside_zone', /does not deliver to this address/],
    ['a dine-in order without a table', { ...PICKUP_ORDER, type: 'dine-in' }, 400, 'table_required', /needs a table/],
    ['an unknown outlet', { ...PICKUP_ORDER, outletId: 'nowhere' }, 404, 'not_found', /outlet/],
    ['an empty cart', { ...PICKUP_ORDER, items: [] }, 400, 'invalid_body', /no items/],
    ['a card payment', { ...PICKUP_ORDER, payment: { method: 'card' } }, 400, 'invalid_body', /^payment\.method/],
    ['a bad phone number', { ...PICKUP_ORDER, customer: { name: 'A', phone: 'call me' } }, 400, 'invalid_body', /phone number/],
  ];
  for (const [what, body, status, code, message] of refusals) {
    it(`refuses ${what} with "${code}"`, async () => {
      const res = await post(body);
      expect(res.status).toBe(status);
      const error = await errorOf(res);
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
    });
  }
});

describe('catalog reads', () => {
  it('lists outlets and serves the menu with availability, cacheable', async () => {
    const outlets = await fetch(`${server.url}/api/outlets`);
    expect(await outlets.json()).toEqual([{ id: 'demo-outlet', name: 'Dabba Demo Kitchen' }]);
    const res = await fetch(`${server.url}/api/outlets/demo-outlet/menu`);
    expect(res.headers.get('cache-control')).toContain('max-age');
    const menu = (await res.json()) as { categories: unknown[]; items: { id: string; price: number; available: boolean; modifierGroups: unknown[] }[] };
    expect(menu.categories.length).toBeGreaterThan(0);
    expect(menu.items.find((i) => i.id === 'masala-dosa')).toMatchObject({ price: 12000, available: true });
    expect((await fetch(`${server.url}/api/outlets/nowhere/menu`)).status).toBe(404);
  });
});
