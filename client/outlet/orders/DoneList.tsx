import { memo } from 'react';
import { formatMoney } from '../../../shared/money';
import type { OrderRow } from '../../common/store/db';
import { orderRowVersion as rowVersion } from '../../common/store/orderRows';
import { SyncBadge } from '../../common/ui/SyncBadge';
import { useOutletTime } from '../../common/time/OutletTimeContext';
import { ConflictNote } from './ConflictNote';
import { orderNumber, orderTypeText } from './orderText';
import { STATUS_TEXT } from '../../common/ui/statusText';

interface DoneRowProps {
  readonly order: OrderRow;
  readonly printed: boolean;
  readonly onPrint: (order: OrderRow) => void;
}

function DoneRowView({ order, printed, onPrint }: DoneRowProps) {
  const { time } = useOutletTime();
  const label = printed ? 'Reprint' : 'Print ticket';
  return (
    <li className="done__row" data-order-id={order.id}>
      <span className="done__name">{order.customerName}</span>
      <span>
        {orderTypeText(order)} · {orderNumber(order.id)}
      </span>
      <span data-status={order.status}>
        {STATUS_TEXT[order.status]} {time(order.statusAt)}
      </span>
      <span>{formatMoney(order.total, order.currency)}</span>
      <SyncBadge state={order.syncState} />
      <button
        type="button"
        className="button button--quiet"
        onClick={() => onPrint(order)}
        aria-label={`${label} for ${order.customerName}`}
      >
        {label}
      </button>
      <ConflictNote conflicts={order.conflicts} />
    </li>
  );
}

const DoneRow = memo(
  DoneRowView,
  (a, b) => (a.order === b.order || rowVersion(a.order) === rowVersion(b.order)) && a.printed === b.printed && a.onPrint === b.onPrint,
);

/**
 * Today's finished orders, collapsed: the kitchen rarely needs them, but a reprint or a "did that
 * go out?" does. Compact rows rather than cards, so a busy day stays cheap to draw.
 */
export function DoneList({
  orders,
  total,
  printedCount,
  onPrint,
}: {
  /** The most recent of today's done orders; `total` counts them all. */
  readonly orders: readonly OrderRow[];
  readonly total: number;
  readonly printedCount: (orderId: string) => number;
  readonly onPrint: (order: OrderRow) => void;
}) {
  return (
    <details className="done" data-column="done" data-count={total}>
      <summary className="done__summary">
        <span className="column__title">Done today</span> <span className="column__count">{total}</span>
      </summary>
      {total === 0 ? (
        <p className="column__empty">Nothing finished yet today.</p>
      ) : (
        <ul className="done__list">
          {orders.map((order) => (
            <DoneRow key={order.id} order={order} printed={printedCount(order.id) > 0} onPrint={onPrint} />
          ))}
        </ul>
      )}
      {total > orders.length ? <p className="column__empty">{total - orders.length} more in History.</p> : null}
    </details>
  );
}
