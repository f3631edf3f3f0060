import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDabbaDb, type OrderRow } from '../../../../client/common/store/db';
import { boardOrderRows, orderRowsPlaced, projectOrderRow, writeChangedOrderRows } from '../../../../client/common/store/orderRows';
import { OUTLET_ID, T0 } from '../../shared/order/fixtures';
import { placedOrderDoc } from '../support/orderDocs';

let serial = 0;
const MINUTE = 60_000;

function row(id: string, status: OrderRow['status'], statusAt: number, placedAt = statusAt, outletId: string = OUTLET_ID): OrderRow {
  const base = projectOrderRow(placedOrderDoc(), 'synced');
  if (!base) throw new Error('no row');
  const closed = ['delivered', 'rejected', 'cancelled', 'failed'].includes(status);
  return { ...base, id, outletId, status, statusAt, placedAt, closedAt: closed ? statusAt : null };
}

describe('the orders query table', () => {
  it('writes only the rows that changed, so screens reading it re-run only when something did', async () => {
    const db = openDabbaDb(`board-rows-${++serial}`);
    const a = row('a', 'placed', T0);
    const b = row('b', 'placed', T0);
    expect(await writeChangedOrderRows(db, [a, b])).toBe(2);
    expect(await writeChangedOrderRows(db, [a, b])).toBe(0);
    expect(await writeChangedOrderRows(db, [a, { ...b, status: 'accepted' }])).toBe(1);
    expect((await db.orders.get('b'))?.status).toBe('accepted');
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
    const board = await boardOrderRows(db, OUTLET_ID, today, 2);
    expect(board.open.map((r) => r.id)).toEqual(['open-old']);
    expect(board.doneRecent.map((r) => r.id)).toEqual(['done-today-3', 'done-today-2']);
    expect(board.doneCount).toBe(3);
    expect(board.doneConflicted.map((r) => r.id)).toEqual(['done-today-1']);
    expect(board.unsyncedCount).toBe(1);
  });

  it('pages history by when orders were placed, newest first', async () => {
    const db = openDabbaDb(`board-rows-${++serial}`);
    await db.orders.bulkPut([row('1', 'delivered', T0), row('2', 'delivered', T0 + MINUTE), row('3', 'delivered', T0 + 2 * MINUTE)]);
    expect((await orderRowsPlaced(db, OUTLET_ID, T0, T0 + 2 * MINUTE, 10)).map((r) => r.id)).toEqual(['2', '1']);
    expect((await orderRowsPlaced(db, OUTLET_ID, 0, Number.MAX_SAFE_INTEGER, 1)).map((r) => r.id)).toEqual(['3']);
  });
});
