import { collectedOn, shortBy } from '../../../../shared/cash/collection';
import { cashDue } from '../../../../shared/dispatch/offer';
import { formatMoney } from '../../../../shared/money';
import { clockTime } from '../../../common/ui/clockTime';
import { STATUS_TEXT } from '../../../common/ui/statusText';
import { telUri } from '../../../common/ui/telUri';
import type { HeldOrder } from '../../model/orders/orderBook';
import { promiseTimer } from '../../model/orders/promise';
import { timerText } from '../../model/orders/timerText';

const TYPE_TEXT = { delivery: 'Delivery', pickup: 'Pickup', 'dine-in': 'Dine-in' } as const;

/**
 * Whether the cash was collected: a `cash_collected` event (short payments said as such), or on orders
 * from before it, the driver app's note "Cash collected ₹…".
 */
function cashText(order: HeldOrder): string | null {
  const { header } = order;
  const due = cashDue(header);
  if (due === 0) return null;
  const amount = formatMoney(due, header.currency);
  const collected = collectedOn(order.state.applied);
  if (collected) {
    const short = shortBy(header, collected);
    const got = formatMoney(collected.amount, header.currency);
    return `${got} collected at ${clockTime(collected.at)}${short > 0 ? ` — short by ${formatMoney(short, header.currency)} of ${amount}` : ''}`;
  }
  const noted = order.state.applied.find((e) => e.type === 'note' && e.text.startsWith('Cash collected'));
  return noted ? `${amount} collected (noted ${clockTime(noted.at)})` : `${amount} to collect at the door`;
}

/** The order's facts, its contacts as tel: links, what was ordered and the cash. */
export function OrderFacts({ order, now, driver }: { readonly order: HeldOrder; readonly now: number; readonly driver: string }) {
  const { header, state } = order;
  const timer = timerText(promiseTimer(order, now), state.status);
  const cash = cashText(order);
  return (
    <section className="card order-facts" aria-labelledby="facts-title">
      <h3 id="facts-title">Details</h3>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          {STATUS_TEXT[state.status]}
          {timer ? ` · ${timer}` : ''}
        </dd>
        <dt>Type</dt>
        <dd>
          {TYPE_TEXT[header.type]}
          {header.table ? ` · Table ${header.table}` : ''}
          {header.source === 'phone' ? ' · taken by phone' : ''}
        </dd>
        <dt>Placed</dt>
        <dd>{clockTime(header.createdAt)}</dd>
        <dt>Customer</dt>
        <dd>
          {header.customer.name} ·{' '}
          <a href={telUri(header.customer.phone)} aria-label={`Call the customer, ${header.customer.name}, on ${header.customer.phone}`}>
            {header.customer.phone}
          </a>
        </dd>
        {header.address ? (
          <>
            <dt>Deliver to</dt>
            <dd>{header.address.text}</dd>
          </>
        ) : null}
        <dt>Outlet</dt>
        <dd>
          {header.outlet.name} ·{' '}
          <a href={telUri(header.outlet.phone)} aria-label={`Call the outlet, ${header.outlet.name}, on ${header.outlet.phone}`}>
            {header.outlet.phone}
          </a>
        </dd>
        {header.type === 'delivery' ? (
          <>
            <dt>Driver</dt>
            <dd>{driver}</dd>
          </>
        ) : null}
        <dt>Total</dt>
        <dd>
          {formatMoney(header.totals.total, header.currency)} · {header.payment.method}
        </dd>
        {cash ? (
          <>
            <dt>Cash</dt>
            <dd>{cash}</dd>
          </>
        ) : null}
      </dl>
      <ul className="order__lines" aria-label="Items">
        {header.items.map((line, i) => (
          <li key={i}>
            {line.qty} × {line.name}
            {line.modifiers.length > 0 ? ` (${line.modifiers.map((m) => m.name).join(', ')})` : ''}
          </li>
        ))}
      </ul>
      {header.notes ? <p>Customer’s note: {header.notes}</p> : null}
    </section>
  );
}
