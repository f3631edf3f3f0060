import { orderNumber } from '../../../shared/order/orderNumber';
import { beforeAll, describe, expect, it } from 'vitest';
import { orderDocName } from '../../../shared/docNames';
import { newEventId, type OrderId } from '../../../shared/ids';
import { eventsArray } from '../../../shared/order/orderDoc';
import type { HistoryRow } from '../../../sync-server/storage/orderHistory';
import { authorOf, PICKUP_ORDER, placeOrder } from '../support/api';
import { errorOf, getJson, postJson } from '../support/http';
import { MuxTestClient } from '../support/muxClient';
import { setUpOutlet } from '../support/outletDoc';
import { DELIVERY } from '../support/refusals';
import { useTestServer } from '../support/testServer';

const t = useTestServer({ DABBA_ORDERS_PER_MINUTE: '1000' });
/** Placed in this order, one by one, so each is newer than the one before. */
const placed: Record<'meera' | 'arjun' | 'kavya' | 'zoe', OrderId> = {
  meera: '' as OrderId,
  arjun: '' as OrderId,
  kavya: '' as OrderId,
  zoe: '' as OrderId,
};

beforeAll(async () => {
  // A second outlet, set up by an admin the way the admin app will: profile and menu in its document.
  await setUpOutlet(t.url, t.admin, 'second-kitchen', 'Second Kitchen');
  placed.meera = (await placeOrder(t.url, PICKUP_ORDER)).orderId;
  placed.arjun = (await placeOrder(t.url, { ...DELIVERY, customer: { name: 'Arjun Rao', phone: '+91 99000-11111' } })).orderId;
  const phone = await postJson<{ orderId: OrderId }>(
    `${t.url}/api/orders`,
    { ...PICKUP_ORDER, customer: { name: 'Kavya', phone: '080 2222 3333' }, source: 'phone', enteredAt: Date.now() },
    { token: t.outlet.token },
  );
  placed.kavya = phone.body.orderId;
  placed.zoe = (
    await placeOrder(t.url, { ...PICKUP_ORDER, outletId: 'second-kitchen', customer: { name: 'Zoë Élan', phone: '+44 20 7946 0000' } })
  ).orderId;
});

const history = (query: string, token: string | null = t.admin.token) =>
  getJson<{ orders: HistoryRow[] }>(`${t.url}/api/orders${query}`, token ? { token } : {});
const ids = async (query: string, token?: string) => (await history(query, token)).body.orders.map((o) => o.id);

describe('GET /api/orders: who may see what', () => {
  it('needs a sign-in', async () => {
    const res = await history('', null);
    expect(res.status).toBe(401);
    expect(errorOf(res)?.code).toBe('unauthorized');
    expect((await history('', 'not-a-token')).status).toBe(401);
  });

  it('is not for drivers', async () => {
    expect((await history('', t.driver.token)).status).toBe(403);
  });

  it('shows outlet staff their own outlet only, newest first', async () => {
    expect(await ids('', t.outlet.token)).toEqual([placed.kavya, placed.arjun, placed.meera]);
    expect((await history('?outletId=second-kitchen', t.outlet.token)).status).toBe(403);
  });

  it('shows admins every outlet, or one', async () => {
    expect(await ids('')).toEqual([placed.zoe, placed.kavya, placed.arjun, placed.meera]);
    expect(await ids('?outletId=second-kitchen')).toEqual([placed.zoe]);
  });
});

describe('GET /api/orders: what a row holds', () => {
  it('lists type, status, customer, total, currency, time and source', async () => {
    const { orders } = (await history('', t.outlet.token)).body;
    const [kavya, arjun] = orders;
    expect(arjun).toEqual({
      id: placed.arjun,
      outletId: 'demo-outlet',
      type: 'delivery',
      status: 'placed',
      customerName: 'Arjun Rao',
      customerPhone: '+91 99000-11111',
      total: 36000,
      currency: 'INR',
      createdAt: expect.any(Number),
      source: 'online',
    });
    expect(kavya).toMatchObject({ id: placed.kavya, type: 'pickup', source: 'phone', customerName: 'Kavya', total: 18000 });
    expect((kavya?.createdAt ?? 0) >= (arjun?.createdAt ?? Infinity)).toBe(true);
  });

  it('follows the order status as it changes', async () => {
    const tablet = await MuxTestClient.connect(t.url, t.outlet.token);
    const name = orderDocName(placed.meera);
    await tablet.open(name);
    await tablet.change(name, (d) =>
      eventsArray(d).push([{ id: newEventId(), type: 'accepted', at: Date.now(), by: authorOf(t.outlet), prepMinutes: 10 }]),
    );
    tablet.close();
    expect(await ids('?status=accepted')).toEqual([placed.meera]);
    expect(await ids('?status=placed,accepted&outletId=demo-outlet')).toEqual([placed.kavya, placed.arjun, placed.meera]);
  });
});

describe('GET /api/orders: search', () => {
  it('finds a customer by part of the name, in any case', async () => {
    expect(await ids('?q=arjun')).toEqual([placed.arjun]);
    expect(await ids('?q=RAO')).toEqual([placed.arjun]);
    expect(await ids(`?q=${encodeURIComponent('zoë')}`)).toEqual([placed.zoe]);
  });

  it('finds a phone number however it is spaced or punctuated', async () => {
    expect(await ids(`?q=${encodeURIComponent('99000 11111')}`)).toEqual([placed.arjun]);
    expect(await ids('?q=9900011111')).toEqual([placed.arjun]);
    expect(await ids(`?q=${encodeURIComponent('2222-3333')}`)).toEqual([placed.kavya]);
    expect(await ids(`?q=${encodeURIComponent('(080) 2222')}`)).toEqual([placed.kavya]);
  });

  it('does not match phones on the digits inside a query that is not a phone number', async () => {
    // "Zoë 7946" is no one's name; its digits are in Zoë's phone, which must not make it a match.
    expect(await ids(`?q=${encodeURIComponent('Zoë 7946')}`)).toEqual([]);
    expect(await ids('?q=7946')).toEqual([placed.zoe]);
  });

  it('finds an order by the start of its id, case-sensitively', async () => {
    const prefix = placed.zoe.slice(0, 8);
    expect(await ids(`?q=${encodeURIComponent(prefix)}`)).toContain(placed.zoe);
    const flipped = prefix.replace(/[a-zA-Z]/g, (ch) => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase()));
    if (flipped !== prefix) expect(await ids(`?q=${encodeURIComponent(flipped)}`)).not.toContain(placed.zoe);
  });

  it('finds an order by its number as staff say it: with or without #, in lower case, in part', async () => {
    const number = orderNumber(placed.zoe);
    expect(number).toMatch(/^#[A-Z0-9]{5}$/);
    expect(await ids(`?q=${encodeURIComponent(number)}`)).toContain(placed.zoe);
    expect(await ids(`?q=${encodeURIComponent(number.toLowerCase())}`)).toContain(placed.zoe);
    expect(await ids(`?q=${number.slice(1, 4).toLowerCase()}`)).toContain(placed.zoe);
  });

  it('narrows to a time range, from inclusive and to exclusive, as epoch ms or ISO dates', async () => {
    const rows = (await history('?outletId=demo-outlet')).body.orders;
    const arjunAt = rows.find((o) => o.id === placed.arjun)?.createdAt ?? 0;
    expect(await ids(`?outletId=demo-outlet&from=${arjunAt}`)).toEqual(rows.filter((o) => o.createdAt >= arjunAt).map((o) => o.id));
    expect(await ids(`?outletId=demo-outlet&to=${arjunAt}`)).toEqual(rows.filter((o) => o.createdAt < arjunAt).map((o) => o.id));
    expect(await ids(`?from=${encodeURIComponent(new Date(arjunAt).toISOString())}&to=${arjunAt + 1}&outletId=demo-outlet`)).toContain(
      placed.arjun,
    );
    expect(await ids('?to=2020-01-01')).toEqual([]);
  });

  it('returns at most limit rows, and refuses a limit outside 1 to 200 or a filter it cannot read', async () => {
    expect(await ids('?limit=1')).toEqual([placed.zoe]);
    expect(await ids('?limit=200')).toHaveLength(4);
    for (const bad of ['?limit=0', '?limit=201', '?limit=ten', '?status=lost', '?from=yesterday']) {
      const res = await history(bad);
      expect({ bad, status: res.status, code: errorOf(res)?.code }).toEqual({ bad, status: 400, code: 'invalid_query' });
    }
  });

  it('returns 50 rows when no limit is given', async () => {
    for (let i = 0; i < 47; i++) await placeOrder(t.url, PICKUP_ORDER);
    const orders = await ids('');
    expect(orders).toHaveLength(50);
    expect(orders).not.toContain(placed.meera); // the oldest of 51 is the one left out
  });
});
