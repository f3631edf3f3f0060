import { formatMoney } from '../../../../shared/money';
import { orderNumber } from '../../../../shared/order/orderNumber';
import { STATUS_TEXT } from '../../../common/ui/statusText';
import { SyncBadge } from '../../../common/ui/SyncBadge';
import { useHeldOrder } from '../../model/orders/useHeldOrder';
import { hrefOf } from '../../shell/adminRoute';
import type { ScreenProps } from '../../shell/routeTable';

/** One order: what was ordered, by whom, from where, and where it stands. */
export function OrderScreen({ param }: ScreenProps) {
  const lookup = useHeldOrder(param);
  if (lookup.status === 'invalid') return <p className="empty">There is no such order.</p>;
  if (lookup.status === 'loading')
    return (
      <p className="empty" role="status">
        Loading the order… (it needs the network if this device never held it)
      </p>
    );
  const { order } = lookup;
  const { header, state } = order;
  return (
    <article className="order-detail" aria-labelledby="order-title">
      <p>
        <a href={hrefOf('live')}>← Live operations</a>
      </p>
      <header className="order-detail__head">
        <h2 id="order-title">
          Order {orderNumber(order.id)} — {header.customer.name}
        </h2>
        <SyncBadge state={order.syncState} />
      </header>
      <dl className="facts">
        <dt>Status</dt>
        <dd>{STATUS_TEXT[state.status]}</dd>
        <dt>Outlet</dt>
        <dd>{header.outlet.name}</dd>
        <dt>Total</dt>
        <dd>{formatMoney(header.totals.total, header.currency)}</dd>
      </dl>
      <ul className="order__lines" aria-label="Items">
        {header.items.map((line, i) => (
          <li key={i}>
            {line.qty} × {line.name}
            {line.modifiers.length > 0 ? ` (${line.modifiers.map((m) => m.name).join(', ')})` : ''}
          </li>
        ))}
      </ul>
    </article>
  );
}
