import type { OrderRow } from '../../common/store/db';
import { useOutletTime } from '../../common/time/OutletTimeContext';
import { ConflictNote } from './ConflictNote';
import { orderNumber, orderTypeText } from './orderText';
import { STATUS_TEXT } from '../../common/ui/statusText';

/**
 * Closed orders where a change made on this device lost against someone else's (marked ready
 * here while an admin cancelled). They leave the board, so they are held up here until read.
 */
export function AttentionList({ orders, onSeen }: { readonly orders: readonly OrderRow[]; readonly onSeen: (order: OrderRow) => void }) {
  const { time } = useOutletTime();
  if (orders.length === 0) return null;
  return (
    <section className="attention" aria-label="Needs attention">
      <h2 className="column__title">Needs attention</h2>
      <ul className="attention__list">
        {orders.map((order) => (
          <li key={order.id} className="card attention__item" role="alert" data-order-id={order.id}>
            <p>
              <strong>{order.customerName}</strong> · {orderTypeText(order)} · {orderNumber(order.id)} is now{' '}
              <strong>{STATUS_TEXT[order.status].toLowerCase()}</strong> (since {time(order.statusAt)}).
            </p>
            <ConflictNote conflicts={order.conflicts} />
            <button type="button" className="button" onClick={() => onSeen(order)}>
              Got it
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
