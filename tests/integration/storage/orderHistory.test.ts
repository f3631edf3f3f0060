import { describe, expect, it } from 'vitest';
import { OutletIdSchema } from '../../../shared/ids';
import type { OrderStatus } from '../../../shared/order/status';
import { OrderHistory, type HistoryFilter } from '../../../sync-server/storage/orderHistory';
import { insertOrders, type OrderRow } from '../support/orderRows';
import { DIALECTS, useTestStorage, type Dialect } from '../support/sqlStorage';

const ANY: HistoryFilter = { outletId: null, q: null, from: null, to: null, statuses: null, limit: 50 };

/** Customers whose names and phones trip up SQL that is not the same on both dialects. */
const CUSTOMERS: OrderRow[] = [
  { id: 'c-zoe', created_at: 1, customer_name: 'Zoë Élan', customer_phone: '+44 20 7946 0000' },
  { id: 'c-arjun', created_at: 2, customer_name: 'Arjun Rao', customer_phone: '+91 99000-11111' },
  { id: 'c-sale', created_at: 3, customer_name: '50% Off Club', customer_phone: '080 2222 3333' },
  { id: 'c-under', created_at: 4, customer_name: 'A_B Caterers' },
  { id: 'c-slash', created_at: 5, customer_name: 'Back\\slash' },
  { id: 'c-ab', created_at: 6, customer_name: 'AXB Caterers' },
  // Indexed before names and phones were: found by id only.
  { id: 'c-legacy', created_at: 7 },
];

describe.each(DIALECTS)('order history on %s', (dialect: Dialect) => {
  const storage = useTestStorage(dialect);
  const history = (): OrderHistory => new OrderHistory(storage().db);
  const ids = async (filter: Partial<HistoryFilter>): Promise<string[]> => (await history().search({ ...ANY, ...filter })).map((r) => r.id);
  const found = (q: string): Promise<string[]> => ids({ q });

  it('lists nothing before any order', async () => {
    expect(await history().search(ANY)).toEqual([]);
  });

  it('lists orders newest first, same times by id descending in byte order, at most limit', async () => {
    await insertOrders(storage().db, [
      { id: 'old', created_at: 1 },
      { id: 'a-tie', created_at: 2 },
      { id: 'Z-tie', created_at: 2 },
      { id: '_-tie', created_at: 2 },
      { id: 'new', created_at: 3 },
    ]);
    expect(await ids({})).toEqual(['new', 'a-tie', '_-tie', 'Z-tie', 'old']);
    expect(await ids({ limit: 2 })).toEqual(['new', 'a-tie']);
  });

  it('maps a row into history’s fields, null where the order was indexed before they were', async () => {
    await insertOrders(storage().db, [
      {
        id: 'full',
        created_at: 10,
        outlet_id: 'o-2',
        type: 'dine-in',
        status: 'accepted',
        source: 'phone',
        customer_name: 'Zoë Élan',
        customer_phone: '+44 20 7946 0000',
        total: 3_000_000_000,
        currency: 'GBP',
      },
      { id: 'legacy', created_at: 5, status: 'delivered' },
    ]);
    expect(await history().search(ANY)).toEqual([
      {
        id: 'full',
        outletId: 'o-2',
        type: 'dine-in',
        status: 'accepted',
        customerName: 'Zoë Élan',
        customerPhone: '+44 20 7946 0000',
        total: 3_000_000_000,
        currency: 'GBP',
        createdAt: 10,
        source: 'phone',
      },
      {
        id: 'legacy',
        outletId: 'o-1',
        type: null,
        status: 'delivered',
        customerName: null,
        customerPhone: null,
        total: null,
        currency: null,
        createdAt: 5,
        source: null,
      },
    ]);
  });

  it('narrows to an outlet, a time range (from inclusive, to exclusive) and statuses', async () => {
    const status = (s: OrderStatus): OrderStatus => s;
    await insertOrders(storage().db, [
      { id: 'one', created_at: 100, status: status('placed') },
      { id: 'two', created_at: 200, status: status('accepted'), outlet_id: 'o-2' },
      { id: 'three', created_at: 300, status: status('delivered') },
    ]);
    expect(await ids({ outletId: OutletIdSchema.parse('o-2') })).toEqual(['two']);
    expect(await ids({ from: 200 })).toEqual(['three', 'two']);
    expect(await ids({ to: 300 })).toEqual(['two', 'one']);
    expect(await ids({ from: 200, to: 300 })).toEqual(['two']);
    expect(await ids({ from: 300, to: 300 })).toEqual([]);
    expect(await ids({ statuses: ['placed', 'delivered'] })).toEqual(['three', 'one']);
    expect(await ids({ statuses: ['cancelled'] })).toEqual([]);
    expect(await ids({ statuses: [] })).toEqual([]);
  });

  it('finds a name by any part of it in any case, non-ASCII letters too, accents kept', async () => {
    await insertOrders(storage().db, CUSTOMERS);
    expect(await found('RAO')).toEqual(['c-arjun']);
    expect(await found('arjun r')).toEqual(['c-arjun']);
    for (const q of ['zoë', 'ZOË', 'élan', 'ÉLAN', 'Ë É']) expect({ q, ids: await found(q) }).toEqual({ q, ids: ['c-zoe'] });
    // As before the port: a letter and its accented form are different letters.
    expect(await found('zoe')).toEqual([]);
  });

  it('takes %, _ and \\ in a query as themselves, not as patterns', async () => {
    await insertOrders(storage().db, CUSTOMERS);
    expect(await found('%')).toEqual(['c-sale']);
    expect(await found('0% o')).toEqual(['c-sale']);
    expect(await found('a_b')).toEqual(['c-under']);
    expect(await found('\\')).toEqual(['c-slash']);
  });

  it('finds a phone by its digits however they are written, and only when the query looks like a phone number', async () => {
    await insertOrders(storage().db, CUSTOMERS);
    expect(await found('99000 11111')).toEqual(['c-arjun']);
    expect(await found('(080) 2222-3333')).toEqual(['c-sale']);
    expect(await found('+44 7946')).toEqual([]);
    expect(await found('7946')).toEqual(['c-zoe']);
    expect(await found('Zoë 7946')).toEqual([]);
  });

  it('finds an order by the start of its id, case and all', async () => {
    await insertOrders(storage().db, [
      ...CUSTOMERS,
      { id: 'AbcOrder1', created_at: 10 },
      { id: 'abcOrder2', created_at: 11 },
      { id: 'ab_x', created_at: 12 },
    ]);
    expect(await found('Abc')).toEqual(['AbcOrder1']);
    expect(await found('abcO')).toEqual(['abcOrder2']);
    expect(await found('ab_')).toEqual(['ab_x']);
    expect(await found('c-leg')).toEqual(['c-legacy']);
    expect(await found('-legacy')).toEqual([]);
  });
});
