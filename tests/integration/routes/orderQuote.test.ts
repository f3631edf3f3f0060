import { describe, expect, it } from 'vitest';
import { PICKUP_ORDER } from '../support/api';
import { errorOf, getJson, postJson } from '../support/http';
import { editOutletDoc, statusOf } from '../support/outletDoc';
import { DELIVERY, STATIC_REFUSALS } from '../support/refusals';
import { useTestServer } from '../support/testServer';

const t = useTestServer({ DABBA_ORDERS_PER_MINUTE: '1000' });

const quote = (body: unknown, token?: string) => postJson(`${t.url}/api/orders/quote`, body, token ? { token } : {});

describe('POST /api/orders/quote', () => {
  it('prices a delivery line by line from the catalog, with the fee and zone of the address', async () => {
    const res = await quote({
      ...DELIVERY,
      items: [
        { ...DELIVERY.items[0], unitPrice: 1 },
        { itemId: 'filter-coffee', qty: 1 },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toEqual({
      lines: [
        {
          itemId: 'masala-dosa',
          name: 'Masala Dosa',
          qty: 2,
          unitPrice: 16000,
          lineTotal: 32000,
          modifiers: [
            { groupId: 'chutney', optionId: 'mint', name: 'Mint', price: 1000 },
            { groupId: 'extras', optionId: 'ghee', name: 'Ghee roast', price: 3000 },
          ],
        },
        { itemId: 'filter-coffee', name: 'Filter Coffee', qty: 1, unitPrice: 5000, lineTotal: 5000, modifiers: [] },
      ],
      subtotal: 37000,
      deliveryFee: 4000,
      // Inside the demo kitchen's prices: 370.00 × 2.5 / 105 = 8.81 each half.
      taxes: [
        { name: 'CGST', rateBasisPoints: 250, inclusive: true, amount: 881 },
        { name: 'SGST', rateBasisPoints: 250, inclusive: true, amount: 881 },
      ],
      total: 41000,
      currency: 'INR',
      zone: { id: 'central', name: 'Central Bengaluru' },
    });
  });

  it('prices the outer zone with its own fee', async () => {
    const res = await quote({
      ...DELIVERY,
      items: [{ itemId: 'thali', qty: 2, modifiers: [{ groupId: 'size', optionId: 'large' }] }],
      address: { text: 'Whitefield', lat: 12.97, lng: 77.72 },
    });
    expect(res.body).toMatchObject({ subtotal: 66000, deliveryFee: 8000, total: 74000, zone: { id: 'outer', name: 'Outer ring' } });
  });

  it('needs no customer, and has no zone for pickup', async () => {
    const { customer: _customer, ...anonymous } = PICKUP_ORDER;
    const res = await quote(anonymous);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ subtotal: 18000, deliveryFee: 0, total: 18000, zone: null });
  });

  it('places nothing', async () => {
    const history = async () => (await getJson<{ orders: unknown[] }>(`${t.url}/api/orders`, { token: t.admin.token })).body.orders.length;
    const before = await history();
    for (let i = 0; i < 3; i++) expect((await quote(PICKUP_ORDER)).status).toBe(200);
    expect(await history()).toBe(before);
  });

  for (const refusal of STATIC_REFUSALS) {
    it(`refuses ${refusal.what} as placing would, with "${refusal.code}"`, async () => {
      const res = await quote(refusal.body);
      expect(res.status).toBe(refusal.status);
      expect(errorOf(res)?.code).toBe(refusal.code);
      expect(errorOf(res)?.message).toMatch(refusal.message);
    });
  }

  it('quotes a phone order for staff while the outlet is paused, and refuses the same to a customer', async () => {
    await editOutletDoc(t.url, t.outlet, (d) => statusOf(d).set('paused', { until: null, reason: '', at: Date.now() }));
    try {
      expect(errorOf(await quote(PICKUP_ORDER))?.code).toBe('outlet_paused');
      expect((await quote({ ...PICKUP_ORDER, source: 'phone' }, t.outlet.token)).status).toBe(200);
      expect((await quote({ ...PICKUP_ORDER, source: 'phone' })).status).toBe(401);
    } finally {
      await editOutletDoc(t.url, t.outlet, (d) => statusOf(d).delete('paused'));
    }
  });
});
