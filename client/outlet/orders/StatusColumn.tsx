import { memo, useMemo, type ReactNode } from 'react';
import { columnOf, groupBoard } from '../../../shared/order/board';
import type { OrderStatus } from '../../../shared/order/status';
import { useStatusOrders } from '../model/orders/useBoardOrders';
import type { OrderRow } from '../../common/store/db';
import { BoardColumn } from './BoardColumn';

/** Sorts one column's orders the way the board does (due soonest first, new ones first come). */
export function sortColumn(rows: readonly OrderRow[]): readonly OrderRow[] {
  const first = rows[0];
  return first ? groupBoard(rows, 0).columns[columnOf(first.status)] : rows;
}

function StatusColumnView({
  outletId,
  status,
  title,
  renderCard,
}: {
  readonly outletId: string;
  readonly status: OrderStatus;
  readonly title: string;
  readonly renderCard: (order: OrderRow) => ReactNode;
}) {
  const rows = useStatusOrders(outletId, status);
  const sorted = useMemo(() => sortColumn(rows ?? []), [rows]);
  return (
    <BoardColumn id={columnOf(status)} title={title} count={sorted.length} loaded={rows !== null}>
      {sorted.map(renderCard)}
    </BoardColumn>
  );
}

/** One column of the board with its own live query: a change elsewhere on the board does not re-render it. */
export const StatusColumn = memo(StatusColumnView);
