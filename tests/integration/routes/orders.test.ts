import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderDocName } from '../../../shared/docNames';
import { readOrder } from '../../../shared/order/orderDoc';
import type { DabbaServer } from '../../../sync-server/app';
import { login, PICKUP_ORDER } from '../support/api';
import { MuxTestClient } from '../support/muxClient';
import { DELIVERY, STATIC_REFUSALS, type Refusal } from '../support/refusals';
import { startTestServer } from '../support/server';

let server: DabbaServer;
beforeAll(async () => {
  server = await startTestServer({ DABBA_ORDERS_PER_MINUTE: '1000' });
});
afterAll(() => server.close());

const post = (body: unknown, key?: string) => {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key) headers['Idempotency-Key'] = key;
  return fetch(`${server.url}/api/orders`, { method: 'POST', headers, body: JSON.stringify(body) });
};
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe('POST /api/orders', () => {
  it('prices the order from the catalog, ignoring prices the client sends', async () => {
    const res = await post({ ...DELIVERY, items: [{ ...DELIVERY.items[0], price: 1 }], totals: { total: 1 } });
    expect(res.status).toBe(201);
    const { orderId, trackingUrl } = (await res.json()) as { orderId: string; trackingUrl: string };
    expect(trackingUrl).toMatch(/\/track\/[A-Za-z0-9_-]{32}$/);
    const admin = await login(server.url, 'admin');
    const device = await MuxTestClient.connect(server.url, admin.token);
    const doc = await device.open(orderDocName(orderId as never));
    const view = readOrder(doc);
    // (12000 dosa + 1000 mint + 3000 ghee) × 2 + 4000 delivery fee
    // The demo kitchen's prices include 5 % GST (320.00 × 2.5 / 105 = 7.62 each half): the total is unchanged.
    expect(view?.header.totals).toEqual({
      subtotal: 32000,
      deliveryFee: 4000,
      taxes: [
        { name: 'CGST', rateBasisPoints: 250, inclusive: true, amount: 762 },
        { name: 'SGST', rateBasisPoints: 250, inclusive: true, amount: 762 },
      ],
      total: 36000,
    });
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

  /** Placing also needs a table for dine-in and a valid customer; a quote needs neither. */
  const placingOnly: Refusal[] = [
    {
      what: 'a dine-in order without a table',
      body: { ...PICKUP_ORDER, type: 'dine-in' },
      status: 400,
      code: 'table_required',
      message: /needs a table/,
    },
    {
      what: 'a bad phone number',
      body: { ...PICKUP_ORDER, customer: { name: 'A', phone: 'call me' } },
      status: 400,
      code: 'invalid_body',
      message: /phone number/,
    },
    { what: 'a missing customer', body: { ...PICKUP_ORDER, customer: undefined }, status: 400, code: 'invalid_body', message: /^customer/ },
  ];
  for (const refusal of [...STATIC_REFUSALS, ...placingOnly]) {
    it(`refuses ${refusal.what} with "${refusal.code}"`, async () => {
      const res = await post(refusal.body);
      expect(res.status).toBe(refusal.status);
      const error = await errorOf(res);
      expect(error.code).toBe(refusal.code);
      expect(error.message).toMatch(refusal.message);
    });
  }
});
