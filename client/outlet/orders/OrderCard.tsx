import { memo, useState } from 'react';
import { formatMoney } from '../../../shared/money';
import type { Actor } from '../../../shared/roles';
import type { CommandOutcome } from '../../common/commands/commandOutcome';
import { nextActions } from '../../../shared/order/orderActions';
import type { OrderDriver } from '../model/orders/orderDrivers';
import type { RunOrderAction } from '../model/orders/useOrderCommands';
import type { OrderRow } from '../../common/store/db';
import { orderRowVersion as rowVersion } from '../../common/store/orderRows';
import { SyncBadge } from '../../common/ui/SyncBadge';
import { useOutletTime } from '../../common/time/OutletTimeContext';
import { ConflictNote } from './ConflictNote';
import { DriverLine } from './DriverLine';
import { EightySixPanel } from './EightySixPanel';
import { OrderActions, type TakeAction } from './OrderActions';
import { OrderNote } from './OrderNote';
import { OrderTimer } from './OrderTimer';
import { orderNumber, orderTypeText } from './orderText';
import { STATUS_TEXT } from '../../common/ui/statusText';

export interface OrderCardProps {
  readonly order: OrderRow;
  readonly actor: Actor;
  readonly runAction: RunOrderAction;
  readonly defaultPrepMinutes: number;
  /** The driver dispatch gave a delivery to; null while none. */
  readonly driver: OrderDriver | null;
  readonly printedCount: number;
  readonly onPrint: (order: OrderRow) => void;
}

function OrderCardView({ order, actor, runAction, defaultPrepMinutes, driver, printedCount, onPrint }: OrderCardProps) {
  const { time } = useOutletTime();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [eightySix, setEightySix] = useState(false);
  const orderId = order.id;
  const titleId = `order-${order.id}-title`;
  const take: TakeAction = (action, data) => runAction(orderId, action, data);
  // The row has no driver: the board offers no driver's actions, and none of the staff's needs one.
  const offered = nextActions(actor, { status: order.status, type: order.orderType, driverId: null });
  const onOutcome = (outcome: CommandOutcome): void => setRefusal(outcome.ok ? null : outcome.error.message);
  const actions = (
    <OrderActions orderId={order.id} offered={offered} defaultPrepMinutes={defaultPrepMinutes} take={take} onOutcome={onOutcome} />
  );
  // A new order's answer comes before its details: Accept must be on screen without scrolling, however long the order.
  const answerFirst = order.status === 'placed';

  return (
    <article className={`card order order--${order.status}`} aria-labelledby={titleId} data-order-id={order.id} data-status={order.status}>
      <div className="order__head">
        <h3 id={titleId}>{order.customerName}</h3>
        <SyncBadge state={order.syncState} />
      </div>
      <p className="order__type">
        <strong>{orderTypeText(order)}</strong>
        {order.source === 'phone' ? ' · phone order' : ''} · {orderNumber(order.id)} · placed {time(order.placedAt)}
      </p>
      <p className="order__status" data-status={order.status}>
        Status: {STATUS_TEXT[order.status]}
        {order.readyBy ? ` · ready by ${time(order.readyBy)}` : ''}
        {order.delayMinutes > 0 ? ` (delayed ${order.delayMinutes} min)` : ''}
      </p>
      <OrderTimer order={order} />
      <DriverLine order={order} driver={driver} />
      {answerFirst ? actions : null}
      <ul className="order__lines" aria-label="Items">
        {order.lines.map((line, index) => (
          <li key={index}>
            {line.qty} × {line.name}
            {line.modifiers.length > 0 ? <span className="order__mods"> — {line.modifiers.join(', ')}</span> : null}
          </li>
        ))}
      </ul>
      {order.notes ? <OrderNote text={order.notes} /> : null}
      <div className="order__meta">
        <span>Total {formatMoney(order.total, order.currency)}</span>
        <span>{order.customerPhone}</span>
        {order.address ? <span>{order.address}</span> : null}
      </div>
      <ConflictNote conflicts={order.conflicts} />
      {answerFirst ? null : actions}
      <div className="order__tools">
        <button type="button" className="button button--quiet order__print" onClick={() => onPrint(order)}>
          {printedCount > 0 ? 'Reprint' : 'Print ticket'}
        </button>
        <button type="button" className="button button--quiet" aria-expanded={eightySix} onClick={() => setEightySix(!eightySix)}>
          86 an item
        </button>
      </div>
      {eightySix ? <EightySixPanel orderId={order.id} outletId={order.outletId} onClose={() => setEightySix(false)} /> : null}
      {refusal ? (
        <p className="error" role="alert">
          {refusal}
        </p>
      ) : null}
    </article>
  );
}

/** A board of hundreds of cards re-renders only the ones whose order changed. */
export const OrderCard = memo(
  OrderCardView,
  (a, b) =>
    (a.order === b.order || rowVersion(a.order) === rowVersion(b.order)) &&
    a.actor === b.actor &&
    a.runAction === b.runAction &&
    a.defaultPrepMinutes === b.defaultPrepMinutes &&
    a.driver?.firstName === b.driver?.firstName &&
    a.driver?.expectedAt === b.driver?.expectedAt &&
    a.driver?.arrivedAt === b.driver?.arrivedAt &&
    a.printedCount === b.printedCount &&
    a.onPrint === b.onPrint,
);
