import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { OrderIdSchema, OutletIdSchema } from '../../../../shared/ids';
import { openDabbaDb, type OrderRow } from '../../../../client/common/store/db';
import {
  boardCounts,
  doneTodayRows,
  orderRowsPlaced,
  projectOrderRow,
  statusOrderRows,
  writeChangedOrderRows,
} from '../../../../client/common/store/orderRows';
import { OUTLET_ID, T0 } from '../../shared/order/fixtures';
import { placedOrderDoc } from '../support/orderDocs';

let serial = 0;
const MINUTE = 60_000;

function row(id: string, status: OrderRow['status'], statusAt: number, placedAt = statusAt, outletId: string = OUTLET_ID): OrderRow {
  const base = projectOrderRow(placedOrderDoc(), 'synced');
  if (!base) throw new Error('no row');
  const closed = ['delivered', 'rejected', 'cancelled', 'failed'].includes(status);
  return {
    ...base,
    id: OrderIdSchema.parse(id),
    outletId: OutletIdSchema.parse(outletId),
    status,
    statusAt,
    placedAt,
    closedAt: closed ? statusAt : null,
  };
}

describe('the orders query table', () => {
  it('writes only the rows that changed, so screens reading it re-run only when something did', async () => {
    const db = openDabbaDb(`board-rows-${++serial}`);
    const a = row('a', 'placed', T0);
    const b = row('b', 'placed', T0);
    expect(await writeChangedOrderRows(db, [a, b])).toHaveLength(2);
    expect(await writeChangedOrderRows(db, [a, b])).toEqual([]);
    expect((await writeChangedOrderRows(db, [a, { ...b, status: 'accepted' }])).map((r) => r.id)).toEqual(['b']);
    expect((await db.orders.get(OrderIdSchema.parse('b')))?.status).toBe('accepted');
  });

  it('gives the board every open order, and of the orders closed today the newest few, their count and those with lost changes', async () => {
    const db = openDabbaDb(`board-rows-${++serial}`);
    const today = T0;
    await db.orders.bulkPut([
      row('open-old', 'preparing', today - 600 * MINUTE),
      { ...row('done-today-1', 'delivered', today + MINUTE, today - 60 * MINUTE), conflicted: 1 },
      { ...row('done-today-2', 'rejected', today + 2 * MINUTE), syncState: 'local' },
      row('done-today-3', 'cancelled', today + 3 * MINUTE),
      { ...row('done-yesterday', 'cancelled', today - MINUTE), conflicted: 1 },
      row('other-outlet', 'placed', today, today, 'elsewhere'),
    ]);
    expect((await statusOrderRows(db, OUTLET_ID, 'preparing')).map((r) => r.id)).toEqual(['open-old']);
    expect(await statusOrderRows(db, OUTLET_ID, 'placed')).toEqual([]);
    const done = await doneTodayRows(db, OUTLET_ID, today, 2);
    expect(done.recent.map((r) => r.id)).toEqual(['done-today-3', 'done-today-2']);
    expect(done.count).toBe(3);
    expect(done.conflicted.map((r) => r.id)).toEqual(['done-today-1']);
    expect(await boardCounts(db, OUTLET_ID, today)).toEqual({ open: 1, done: 3, unsynced: 1 });
  });

  it('pages history by when orders were placed, newest first', async () => {
    const db = openDabbaDb(`board-rows-${++serial}`);
    await db.orders.bulkPut([row('1', 'delivered', T0), row('2', 'delivered', T0 + MINUTE), row('3', 'delivered', T0 + 2 * MINUTE)]);
    expect((await orderRowsPlaced(db, OUTLET_ID, T0, T0 + 2 * MINUTE, 10)).map((r) => r.id)).toEqual(['2', '1']);
    expect((await orderRowsPlaced(db, OUTLET_ID, 0, Number.MAX_SAFE_INTEGER, 1)).map((r) => r.id)).toEqual(['3']);
  });
});
