import { formatMoney } from '../../../shared/money';
import type { OrderRow } from '../../common/store/db';
import { useOutletTime } from '../../common/time/OutletTimeContext';
import { orderNumber, orderTypeText } from '../orders/orderText';

export interface TicketRequest {
  readonly order: OrderRow;
  readonly outletName: string;
  readonly reprint: boolean;
  readonly printedAt: number;
}

/** What the kitchen reads off the roll: type and table big, then every item with its modifiers, then notes. */
export function KitchenTicket({ ticket }: { readonly ticket: TicketRequest }) {
  const { time } = useOutletTime();
  const { order, outletName, reprint, printedAt } = ticket;
  return (
    <article className="ticket" aria-label={`Kitchen ticket for ${order.customerName}`} data-ticket-order={order.id}>
      <h2>{outletName}</h2>
      {reprint ? <p className="ticket__reprint">REPRINT</p> : null}
      <p className="ticket__type">{orderTypeText(order).toUpperCase()}</p>
      {order.source === 'phone' ? <p className="ticket__reprint">PHONE ORDER</p> : null}
      <p className="ticket__row">
        <span>Order {orderNumber(order.id)}</span>
        <span>Placed {time(order.placedAt)}</span>
      </p>
      {order.readyBy ? (
        <p className="ticket__row">
          <span>Ready by</span>
          <strong>{time(order.readyBy)}</strong>
        </p>
      ) : null}
      <p className="ticket__row">
        <span>{order.customerName}</span>
        <span>{order.customerPhone}</span>
      </p>
      {order.address ? <p className="ticket__note">{order.address}</p> : null}
      <hr className="ticket__rule" />
      <ul className="ticket__lines">
        {order.lines.map((line, index) => (
          <li key={index} className="ticket__line">
            {line.qty} × {line.name}
            {line.modifiers.length > 0 ? (
              <ul className="ticket__mods">
                {line.modifiers.map((modifier, i) => (
                  <li key={i}>+ {modifier}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      {order.notes ? (
        <>
          <hr className="ticket__rule" />
          <p className="ticket__note">NOTE: {order.notes}</p>
        </>
      ) : null}
      <hr className="ticket__rule" />
      <p className="ticket__row">
        <span>Total (cash)</span>
        <strong>{formatMoney(order.total, order.currency)}</strong>
      </p>
      <p className="ticket__foot">Printed {time(printedAt)}</p>
    </article>
  );
}
