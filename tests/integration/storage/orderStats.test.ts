import { describe, expect, it } from 'vitest';
import { OutletIdSchema, UserIdSchema } from '../../../shared/ids';
import { seriesOf } from '../../../sync-server/stats/series';
import { summarize } from '../../../sync-server/stats/summaries';
import { OrderStats, type StatsFilter } from '../../../sync-server/storage/orderStats';
import { insertOrders, type OrderRow } from '../support/orderRows';
import { DIALECTS, useTestStorage, type Dialect } from '../support/sqlStorage';

const MIN = 60_000;
const T = Date.parse('2024-05-01T00:00:00Z');
const at = (minutes: number): number => T + minutes * MIN;
const O1 = OutletIdSchema.parse('o-1');
const O2 = OutletIdSchema.parse('o-2');
const D1 = UserIdSchema.parse('d-1');
const D2 = UserIdSchema.parse('d-2');
const RANGE: StatsFilter = { from: T, to: at(180), outletId: null, driverId: null };

/** Ten orders in [T, T + 3 h) and two just outside it; the numbers they must give are worked out beside each test. */
const ORDERS: OrderRow[] = [
  // Accept 2 min, prep 11 of 15, delivery 14, placed to done 30. Paid in cash; a total past 2^31 minor units.
  {
    id: 'a1',
    created_at: at(0),
    type: 'delivery',
    status: 'delivered',
    driver_id: D1,
    accepted_at: at(2),
    prep_minutes: 15,
    ready_at: at(13),
    picked_up_at: at(16),
    finished_at: at(30),
    late: 0,
    total: 3_000_000_000,
    currency: 'INR',
    cash_due: 3_000_000_000,
  },
  // Accepted by a clock a minute behind (counts 0), never marked ready: prep runs to the pick-up, 16 of 10 min.
  {
    id: 'a2',
    created_at: at(5),
    type: 'delivery',
    status: 'delivered',
    driver_id: D1,
    accepted_at: at(4),
    prep_minutes: 10,
    picked_up_at: at(20),
    finished_at: at(50),
    late: 1,
    total: 30_000,
    currency: 'INR',
    cash_due: 0,
  },
  // The last millisecond of the first 15-minute block. Accept 1 ms, prep 4 of 5 min, placed to done 6 min 1 ms.
  {
    id: 'a3',
    created_at: at(15) - 1,
    type: 'pickup',
    status: 'delivered',
    accepted_at: at(15),
    prep_minutes: 5,
    ready_at: at(19),
    finished_at: at(21),
    total: 1_000,
    currency: 'USD',
  },
  // The first millisecond of the second block.
  { id: 'a4', created_at: at(15), type: 'delivery', status: 'rejected', end_reason: 'Kitchen too busy' },
  // Failed at the door: its prep counts (14 of 20 min), its delivery does not.
  {
    id: 'a5',
    created_at: at(15),
    outlet_id: O2,
    type: 'delivery',
    status: 'failed',
    driver_id: D2,
    accepted_at: at(16),
    prep_minutes: 20,
    ready_at: at(30),
    picked_up_at: at(31),
    finished_at: at(40),
    total: 20_000,
    currency: 'INR',
    cash_due: 20_000,
    end_reason: 'Address not found',
  },
  { id: 'a6', created_at: at(60), outlet_id: O2, type: 'dine-in', status: 'placed' },
  { id: 'a7', created_at: at(60), outlet_id: O2, type: 'pickup', status: 'cancelled', end_reason: 'apple' },
  { id: 'a8', created_at: at(61), type: 'pickup', status: 'cancelled', end_reason: 'Zebra' },
  // Completed without ever being accepted, in no known currency: placed to done 30 min.
  { id: 'a9', created_at: at(90), type: 'pickup', status: 'delivered', finished_at: at(120), total: 700 },
  { id: 'a10', created_at: at(120), outlet_id: O2, type: 'pickup', status: 'cancelled', end_reason: 'apple' },
  { id: 'before', created_at: T - 1, status: 'delivered', finished_at: T, total: 5, currency: 'INR' },
  { id: 'at-to', created_at: at(180), status: 'rejected', end_reason: 'apple' },
];

const ZERO = {
  orders: 0,
  completed: 0,
  rejected: 0,
  cancelled: 0,
  failed: 0,
  open: 0,
  late: 0,
  acceptN: 0,
  acceptSum: 0,
  prepN: 0,
  prepSum: 0,
  prepPromisedSum: 0,
  prepLate: 0,
  deliveryN: 0,
  deliverySum: 0,
  totalN: 0,
  totalSum: 0,
};

describe.each(DIALECTS)('order statistics on %s', (dialect: Dialect) => {
  const storage = useTestStorage(dialect);
  const stats = (): OrderStats => new OrderStats(storage().db);
  const withOrders = async (): Promise<OrderStats> => {
    await insertOrders(storage().db, ORDERS);
    return stats();
  };

  it('counts nothing, and lists nothing, in a range without orders', async () => {
    const s = await withOrders();
    const empty: StatsFilter = { ...RANGE, from: at(181), to: at(240) };
    expect(await s.totals(empty)).toEqual(ZERO);
    expect(await s.byOutlet(empty)).toEqual(new Map());
    expect(await s.byDriver(empty)).toEqual(new Map());
    expect(await s.sales(empty)).toEqual([]);
    expect(await s.cash(empty)).toEqual([]);
    expect(await s.blocks(empty)).toEqual([]);
    expect(await s.reasons(empty)).toEqual([]);
  });

  it('counts outcomes and sums each step’s time, a step stamped before the one it follows as 0', async () => {
    const totals = await (await withOrders()).totals(RANGE);
    expect(totals).toEqual({
      orders: 10,
      completed: 4,
      rejected: 1,
      cancelled: 3,
      failed: 1,
      open: 1,
      late: 1,
      acceptN: 4,
      // 2 min + 0 + 1 ms + 1 min.
      acceptSum: 3 * MIN + 1,
      prepN: 4,
      // 11 + 16 + 4 + 14 min, promised 15 + 10 + 5 + 20; only a2 took longer than promised.
      prepSum: 45 * MIN,
      prepPromisedSum: 50 * MIN,
      prepLate: 1,
      // 14 + 30 min, the delivered deliveries only.
      deliveryN: 2,
      deliverySum: 44 * MIN,
      // 30 + 45 min + 6 min 1 ms + 30 min.
      totalN: 4,
      totalSum: 111 * MIN + 1,
    });
    // Means are taken from the sums, so they agree to the millisecond whichever database summed them.
    expect(summarize(totals, [])).toMatchObject({
      lateShare: 1 / 4,
      timeToAccept: { count: 4, avgMs: 45_000 },
      prep: { count: 4, avgMs: 11.25 * MIN, promisedAvgMs: 12.5 * MIN, late: 1 },
      delivery: { count: 2, avgMs: 22 * MIN },
      total: { count: 4, avgMs: Math.round((111 * MIN + 1) / 4) },
    });
  });

  it('narrows to one outlet or one driver', async () => {
    const s = await withOrders();
    expect(await s.totals({ ...RANGE, outletId: O2 })).toMatchObject({ orders: 4, failed: 1, open: 1, cancelled: 2, completed: 0 });
    expect(await s.totals({ ...RANGE, driverId: D1 })).toMatchObject({ orders: 2, completed: 2, late: 1, deliveryN: 2 });
  });

  it('splits the same numbers by outlet, and deliveries by driver', async () => {
    const s = await withOrders();
    const byOutlet = await s.byOutlet(RANGE);
    expect([...byOutlet.keys()]).toEqual([O1, O2]);
    expect(byOutlet.get(O1)).toMatchObject({ orders: 6, completed: 4, rejected: 1, cancelled: 1, totalN: 4, totalSum: 111 * MIN + 1 });
    expect(byOutlet.get(O2)).toMatchObject({ orders: 4, failed: 1, cancelled: 2, open: 1, prepN: 1, prepSum: 14 * MIN });
    const byDriver = await s.byDriver(RANGE);
    expect([...byDriver.keys()]).toEqual([D1, D2]);
    expect(byDriver.get(D1)).toMatchObject({ orders: 2, completed: 2, late: 1, deliveryN: 2, deliverySum: 44 * MIN });
    expect(byDriver.get(D2)).toMatchObject({ orders: 1, failed: 1, deliveryN: 0, deliverySum: 0 });
  });

  it('sums completed orders’ totals per outlet and currency, and cash collected per driver', async () => {
    const s = await withOrders();
    expect(await s.sales(RANGE)).toEqual([
      { key: 'o-1', currency: null, amount: 700 },
      { key: 'o-1', currency: 'INR', amount: 3_000_030_000 },
      { key: 'o-1', currency: 'USD', amount: 1_000 },
    ]);
    expect(await s.cash(RANGE)).toEqual([{ key: 'd-1', currency: 'INR', amount: 3_000_000_000 }]);
  });

  it('lists end reasons most frequent first, then in byte order', async () => {
    expect(await (await withOrders()).reasons(RANGE)).toEqual([
      { status: 'cancelled', reason: 'apple', n: 2 },
      { status: 'failed', reason: 'Address not found', n: 1 },
      { status: 'rejected', reason: 'Kitchen too busy', n: 1 },
      { status: 'cancelled', reason: 'Zebra', n: 1 },
    ]);
  });

  it('counts orders per outlet and 15-minute block of UTC, the last millisecond of a block in it', async () => {
    const blocks = await (await withOrders()).blocks(RANGE);
    const block = (
      outletId: typeof O1,
      minute: number,
      counts: Partial<Record<'orders' | 'completed' | 'rejected' | 'cancelled' | 'late', number>>,
    ) => ({
      outletId,
      start: at(minute),
      orders: 0,
      completed: 0,
      rejected: 0,
      cancelled: 0,
      late: 0,
      ...counts,
    });
    expect(blocks).toEqual([
      block(O1, 0, { orders: 3, completed: 3, late: 1 }),
      block(O1, 15, { orders: 1, rejected: 1 }),
      block(O1, 60, { orders: 1, cancelled: 1 }),
      block(O1, 90, { orders: 1, completed: 1 }),
      block(O2, 15, { orders: 1 }),
      block(O2, 60, { orders: 2, cancelled: 1 }),
      block(O2, 120, { orders: 1, cancelled: 1 }),
    ]);
    // Local hours start at :30 UTC in Kolkata and at :15 in Kathmandu: blocks fall into them whole.
    const hourly = (tz: string) =>
      seriesOf(blocks, RANGE.from, RANGE.to, 'hour', tz).map((p) => [new Date(p.start).toISOString(), p.orders]);
    expect(hourly('Asia/Kolkata')).toEqual([
      ['2024-04-30T23:30:00.000Z', 5],
      ['2024-05-01T00:30:00.000Z', 3],
      ['2024-05-01T01:30:00.000Z', 2],
      ['2024-05-01T02:30:00.000Z', 0],
    ]);
    expect(hourly('Asia/Kathmandu')).toEqual([
      ['2024-04-30T23:15:00.000Z', 3],
      ['2024-05-01T00:15:00.000Z', 5],
      ['2024-05-01T01:15:00.000Z', 2],
      ['2024-05-01T02:15:00.000Z', 0],
    ]);
  });
});

describe('order statistics read from one snapshot on postgres', () => {
  const storage = useTestStorage('postgres');

  it('do not see an order placed while they are being read', async () => {
    const db = storage().db;
    await insertOrders(db, [{ id: 'first', created_at: T }]);
    const seen = await new OrderStats(db).snapshot(async (s) => {
      const before = (await s.totals(RANGE)).orders;
      await insertOrders(db, [{ id: 'meanwhile', created_at: T }]);
      return [before, (await s.totals(RANGE)).orders];
    });
    expect(seen).toEqual([1, 1]);
    expect((await new OrderStats(db).totals(RANGE)).orders).toBe(2);
  });
});
