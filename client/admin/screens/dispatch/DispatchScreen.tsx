import { useMemo } from 'react';
import { orderNumber } from '../../../../shared/order/orderNumber';
import { STATUS_TEXT } from '../../../common/ui/statusText';
import { SyncBadge } from '../../../common/ui/SyncBadge';
import { useNow } from '../../../common/ui/useNow';
import { AssignControl } from '../../dispatch/AssignControl';
import { OfferLine } from '../../dispatch/OfferLine';
import { UnassignControl } from '../../dispatch/UnassignControl';
import { useDriverRoster, useHeldOrders, useNameOf } from '../../model/AdminContext';
import { assignable } from '../../model/dispatch/assignment';
import type { HeldOrder } from '../../model/orders/orderBook';
import { isUnassigned } from '../../model/orders/promise';
import { hrefOf } from '../../shell/adminRoute';
import { RosterLine } from './RosterLine';

const byPlaced = (a: HeldOrder, b: HeldOrder): number => a.header.createdAt - b.header.createdAt;

function OrderHead({ order }: { readonly order: HeldOrder }) {
  return (
    <header className="dispatch-item__head">
      <a href={hrefOf('order', order.id)} data-list-item>
        {orderNumber(order.id)}
      </a>
      <span>{order.header.customer.name}</span>
      <span className="muted">
        {order.header.outlet.name} · {STATUS_TEXT[order.state.status]}
      </span>
      <SyncBadge state={order.syncState} />
    </header>
  );
}

/**
 * Dispatch: the deliveries waiting for a driver (oldest first) with the offer in flight, its countdown
 * and who passed, each assignable by hand; and those assigned but not collected, to reassign or take the
 * driver off with a reason. Every change is saved on this device first and synced after.
 */
export function DispatchScreen() {
  const orders = useHeldOrders();
  const roster = useDriverRoster();
  const nameOf = useNameOf();
  const now = useNow(1_000);
  const waiting = useMemo(() => orders.filter(isUnassigned).sort(byPlaced), [orders]);
  const assigned = useMemo(() => orders.filter((o) => assignable(o) && o.state.driverId !== null).sort(byPlaced), [orders]);

  return (
    <section className="dispatch" aria-labelledby="dispatch-title">
      <h2 id="dispatch-title">Dispatch</h2>
      <RosterLine roster={roster} now={now} />
      <section aria-labelledby="queue-title">
        <h3 id="queue-title">Waiting for a driver ({waiting.length})</h3>
        {waiting.length === 0 ? <p className="empty">Every delivery has a driver.</p> : null}
        <ul className="dispatch-list" aria-labelledby="queue-title">
          {waiting.map((order) => (
            <li key={order.id} className="card dispatch-item" aria-label={`${order.header.customer.name}, waiting for a driver`}>
              <OrderHead order={order} />
              <OfferLine order={order} now={now} />
              <AssignControl order={order} verb="Assign" />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="assigned-title">
        <h3 id="assigned-title">Assigned, not picked up ({assigned.length})</h3>
        <ul className="dispatch-list" aria-labelledby="assigned-title">
          {assigned.map((order) => {
            const driverName = (order.state.driverId && nameOf(order.state.driverId)) ?? 'the driver';
            return (
              <li key={order.id} className="card dispatch-item" aria-label={`${order.header.customer.name}, with ${driverName}`}>
                <OrderHead order={order} />
                <p>
                  With <strong>{driverName}</strong>
                </p>
                <div className="dispatch-item__actions">
                  <AssignControl order={order} verb="Reassign" />
                  <UnassignControl order={order} driverName={driverName} />
                </div>
              </li>
            );
          })}
        </ul>
      </section>
    </section>
  );
}
