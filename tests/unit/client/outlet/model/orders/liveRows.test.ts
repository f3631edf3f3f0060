import { describe, expect, it } from 'vitest';
import { OrderIdSchema } from '../../../../../../shared/ids';
import { applyRowChanges, reconcile, sameRows } from '../../../../../../client/outlet/model/orders/liveRows';
import type { OrderRow } from '../../../../../../client/common/store/db';
import { projectOrderRow } from '../../../../../../client/common/store/orderRows';
import { placedOrderDoc } from '../../../support/orderDocs';

const base = projectOrderRow(placedOrderDoc(), 'synced');
if (!base) throw new Error('no row');
const row = (id: string, status: OrderRow['status'] = 'accepted'): OrderRow => ({ ...base, id: OrderIdSchema.parse(id), status });
const accepted = (r: OrderRow): boolean => r.status === 'accepted';
const ids = (rows: readonly OrderRow[]): string[] => rows.map((r) => r.id).sort();

describe('keeping a board column current from the rows the device stores', () => {
  it('moves an order out of the column when its status leaves it, and into the column it joins', () => {
    const column = [row('a'), row('b')];
    expect(ids(applyRowChanges(column, [row('b', 'preparing')], accepted))).toEqual(['a']);
    expect(ids(applyRowChanges(column, [row('c')], accepted))).toEqual(['a', 'b', 'c']);
  });

  it('replaces a row that changed but stays, and keeps the same array when nothing concerns it', () => {
    const column = [row('a'), row('b')];
    const updated = applyRowChanges(column, [{ ...row('a'), syncState: 'local' }], accepted);
    expect(updated.find((r) => r.id === 'a')?.syncState).toBe('local');
    expect(applyRowChanges(column, [row('z', 'ready')], accepted)).toBe(column);
  });

  it('puts back writes a slow read may have missed, so an order never jumps back to a status it left', () => {
    const staleRead = [row('a'), row('b')];
    const patches = [
      { seq: 1, rows: [row('x')] },
      { seq: 2, rows: [row('b', 'preparing')] },
    ];
    expect(ids(reconcile(staleRead, 1, patches, accepted))).toEqual(['a']);
    expect(ids(reconcile(staleRead, 2, patches, accepted))).toEqual(['a', 'b']);
  });

  it('tells a re-read that changes nothing on screen from one that does', () => {
    expect(sameRows([row('a'), row('b')], [row('b'), row('a')])).toBe(true);
    expect(sameRows([row('a')], [{ ...row('a'), syncState: 'local' }])).toBe(false);
    expect(sameRows([row('a')], [row('a'), row('b')])).toBe(false);
  });
});
