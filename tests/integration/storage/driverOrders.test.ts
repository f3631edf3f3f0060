import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { newUserId, type OrderId } from '../../../shared/ids';
import { DriverOrders } from '../../../sync-server/storage/driverOrders';
import { insertOrderRow, type OrderRowFacts } from '../support/orderRows';
import { queryPlans } from '../support/queryPlans';
import { DIALECTS, useTestStorage, type Dialect } from '../support/sqlStorage';

describe.each(DIALECTS)('drivers’ orders read from the order index on %s', (dialect: Dialect) => {
  const storage = useTestStorage(dialect);
  const repo = (): DriverOrders => new DriverOrders(storage().db);
  let created = 1_700_000_000_000;

  /** An order row as orderProjections keeps it, created a second after the last one unless the facts say. */
  function order(id: string, facts: OrderRowFacts): Promise<OrderId> {
    created += 1000;
    return insertOrderRow(storage().db, { id, created_at: created, updated_at: created, ...facts });
  }

  it('answers nothing when no order has a driver', async () => {
    await order('o-1', { status: 'accepted' });
    const driver = newUserId();
    expect(await repo().activeCounts()).toEqual(new Map());
    expect(await repo().active(driver)).toEqual([]);
    expect(await repo().byStage(driver)).toEqual({ onBoard: [], toCollect: [] });
    expect(await repo().latest(driver)).toBeNull();
    expect(await repo().deliveredSince(0)).toEqual(new Map());
  });

  it('counts each driver’s unfinished orders, and lists them: the one on board first, then as assigned, unknown times first', async () => {
    const [ravi, asha] = [newUserId(), newUserId()];
    await order('r-ready-late', { status: 'ready', driver_id: ravi, assigned_at: 5_000 });
    await order('r-accepted-early', { status: 'accepted', driver_id: ravi, assigned_at: 1_000 });
    await order('r-carried', { status: 'picked_up', driver_id: ravi, assigned_at: 9_000 });
    await order('r-unknown-b', { status: 'preparing', driver_id: ravi, assigned_at: null, created_at: 10 });
    await order('r-unknown-a', { status: 'preparing', driver_id: ravi, assigned_at: null, created_at: 10 });
    await order('r-same-time', { status: 'accepted', driver_id: ravi, assigned_at: 5_000, created_at: 1 });
    for (const status of ['delivered', 'failed', 'cancelled', 'rejected'] as const) await order(`r-${status}`, { status, driver_id: ravi });
    await order('a-carried', { status: 'picked_up', driver_id: asha, assigned_at: 2_000 });
    await order('unassigned', { status: 'ready' });

    expect(await repo().active(ravi)).toEqual([
      'r-carried',
      'r-unknown-a',
      'r-unknown-b',
      'r-accepted-early',
      'r-same-time',
      'r-ready-late',
    ]);
    expect(await repo().activeCounts()).toEqual(
      new Map([
        [ravi, 6],
        [asha, 1],
      ]),
    );
    expect((await repo().byStage(ravi)).onBoard).toEqual(['r-carried']);
    expect((await repo().byStage(asha)).onBoard).toEqual(['a-carried']);
    // Those still to collect at the outlet, in no particular order.
    expect((await repo().byStage(ravi)).toCollect.sort()).toEqual([
      'r-accepted-early',
      'r-ready-late',
      'r-same-time',
      'r-unknown-a',
      'r-unknown-b',
    ]);
    expect((await repo().byStage(asha)).toCollect).toEqual([]);
  });

  it('finds the order last assigned to a driver, finished or not; one with no assignment time only when there is no other', async () => {
    const driver = newUserId();
    await order('never-timed', { status: 'accepted', driver_id: driver, assigned_at: null });
    expect(await repo().latest(driver)).toBe('never-timed');
    await order('first', { status: 'delivered', driver_id: driver, assigned_at: 1_000 });
    expect(await repo().latest(driver)).toBe('first');
    await order('second', { status: 'cancelled', driver_id: driver, assigned_at: 2_000 });
    expect(await repo().latest(driver)).toBe('second');
    await order('same-time-older', { status: 'accepted', driver_id: driver, assigned_at: 3_000, created_at: 5 });
    await order('same-time-newer', { status: 'accepted', driver_id: driver, assigned_at: 3_000, created_at: 6 });
    expect(await repo().latest(driver)).toBe('same-time-newer');
    expect(await repo().latest(newUserId())).toBeNull();
  });

  it('adds up each driver’s deliveries since a time, at the time itself included, and the cash per currency', async () => {
    const [ravi, asha] = [newUserId(), newUserId()];
    const since = 1_700_000_000_000;
    await order('r-1', { status: 'delivered', driver_id: ravi, finished_at: since, cash_due: 25_000, currency: 'INR' });
    await order('r-2', { status: 'delivered', driver_id: ravi, finished_at: since + 1, cash_due: 12_550, currency: 'INR' });
    await order('r-3', { status: 'delivered', driver_id: ravi, finished_at: since + 2, cash_due: 0, currency: 'INR' });
    await order('r-4', { status: 'delivered', driver_id: ravi, finished_at: since + 3, cash_due: 900, currency: 'AED' });
    await order('r-before', { status: 'delivered', driver_id: ravi, finished_at: since - 1, cash_due: 1, currency: 'INR' });
    await order('r-failed', { status: 'failed', driver_id: ravi, finished_at: since + 4, cash_due: 1, currency: 'INR' });
    await order('a-1', { status: 'delivered', driver_id: asha, finished_at: since + 5, cash_due: null, currency: null });
    await order('a-2', { status: 'delivered', driver_id: asha, finished_at: since + 6, cash_due: 0, currency: 'INR' });
    await order('nobody', { status: 'delivered', finished_at: since + 7, cash_due: 5, currency: 'INR' });

    expect(await repo().deliveredSince(since)).toEqual(
      new Map([
        [
          ravi,
          {
            deliveries: 4,
            cash: [
              { currency: 'AED', amount: 900 },
              { currency: 'INR', amount: 37_550 },
            ],
          },
        ],
        [asha, { deliveries: 2, cash: [] }],
      ]),
    );
    expect((await repo().deliveredSince(since + 4)).get(ravi)).toBeUndefined();
    expect((await repo().deliveredSince(since - 1)).get(ravi)?.deliveries).toBe(5);
  });

  it('lists deliveries the outlet accepted that have no driver, oldest first, as drivers take them one by one', async () => {
    const waiting: OrderId[] = [];
    for (const status of ['accepted', 'preparing', 'ready'] as const) waiting.push(await order(`wait-${status}`, { status }));
    waiting.unshift(await order('wait-b', { status: 'ready', created_at: 1 }));
    waiting.unshift(await order('wait-a', { status: 'accepted', created_at: 1 }));
    await order('placed', { status: 'placed' });
    await order('pickup', { status: 'ready', type: 'pickup' });
    await order('dine-in', { status: 'accepted', type: 'dine_in' });
    await order('untyped', { status: 'accepted', type: null });
    await order('has-driver', { status: 'ready', driver_id: newUserId() });
    await order('finished', { status: 'cancelled' });
    expect(await repo().awaitingDriver()).toEqual(waiting);
    while (waiting.length > 0) {
      const taken = waiting.shift();
      await storage()
        .db.updateTable('orders')
        .set({ driver_id: newUserId() })
        .where('id', '=', taken ?? '')
        .execute();
      expect(await repo().awaitingDriver()).toEqual(waiting);
    }
  });
});

describe.each(DIALECTS)('dispatch’s questions on %s read the orders in flight, however long the history', (dialect: Dialect) => {
  const storage = useTestStorage(dialect);
  const HISTORY = 3_000;

  /** Months of finished orders: delivered by twenty drivers, and deliveries that ended without one. */
  async function pastOrders(): Promise<void> {
    const rows = Array.from({ length: HISTORY }, (_, i) => ({
      id: `past-${i}`,
      outlet_id: 'demo-outlet',
      driver_id: i % 10 === 0 ? null : `past-driver-${i % 20}`,
      tracking_token: `past-token-${i}`,
      status: i % 10 === 0 ? 'cancelled' : 'delivered',
      type: 'delivery',
      created_at: 1_600_000_000_000 + i * 60_000,
      updated_at: 1_600_000_000_000 + i * 60_000,
    }));
    for (let from = 0; from < rows.length; from += 500)
      await storage()
        .db.insertInto('orders')
        .values(rows.slice(from, from + 500))
        .execute();
  }

  it('lists deliveries waiting for a driver and counts, lists and finds each driver’s unfinished orders by the in-flight indexes', async () => {
    await pastOrders();
    const driver = newUserId();
    await insertOrderRow(storage().db, { status: 'picked_up', driver_id: driver, created_at: 1_700_000_000_000 });
    await insertOrderRow(storage().db, { status: 'ready', created_at: 1_700_000_000_000 });
    await sql`ANALYZE`.execute(storage().db);

    const plan = (run: (orders: DriverOrders) => Promise<unknown>) => queryPlans(storage().db, dialect, (db) => run(new DriverOrders(db)));
    expect(await plan((o) => o.awaitingDriver())).toEqual([expect.stringContaining('orders_waiting_for_driver')]);
    expect(await plan((o) => o.activeCounts())).toEqual([expect.stringContaining('orders_driver_active')]);
    expect(await plan((o) => o.active(driver))).toEqual([expect.stringContaining('orders_driver_active')]);
    expect(await plan((o) => o.byStage(driver))).toEqual([expect.stringContaining('orders_driver_active')]);
    expect(await new DriverOrders(storage().db).activeCounts()).toEqual(new Map([[driver, 1]]));
  });
});
