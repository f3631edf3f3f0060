import { useMemo } from 'react';
import { nextActions } from '../../../../shared/order/orderActions';
import { orderNumber } from '../../../../shared/order/orderNumber';
import { refundLeft } from '../../../../shared/order/refundLeft';
import { useDeviceSnapshot } from '../../../common/device/DeviceContext';
import { sessionActor } from '../../../common/session/session';
import { SyncBadge } from '../../../common/ui/SyncBadge';
import { useNow } from '../../../common/ui/useNow';
import { DriverPanel } from '../../dispatch/DriverPanel';
import { useNameOf } from '../../model/AdminContext';
import { deliveryProofs } from '../../../common/orders/deliveryProofs';
import { ProofPanel } from '../../../common/orders/ProofPanel';
import { orderTimeline } from '../../model/orders/timeline';
import { useHeldOrder } from '../../model/orders/useHeldOrder';
import { hrefOf } from '../../shell/adminRoute';
import type { ScreenProps } from '../../shell/screenProps';
import { CancelControl } from './CancelControl';
import { RefundControl } from './RefundControl';
import { ConflictSummary } from './ConflictSummary';
import { NoteForm } from './NoteForm';
import { OrderFacts } from './OrderFacts';
import { OrderTimeline } from './OrderTimeline';

/**
 * One order: its details and contacts, its full timeline with conflicts explained, the proof of
 * delivery, its driver, and what an admin may do now (cancel with a reason, add a note, assign,
 * reassign or unassign the driver), each saved on this
 * device first and synced after; the badge says which.
 */
export function OrderScreen({ param }: ScreenProps) {
  const lookup = useHeldOrder(param);
  const { session } = useDeviceSnapshot();
  const actor = session ? sessionActor(session.user) : null;
  const now = useNow(1_000);
  const nameOf = useNameOf();
  const order = lookup.status === 'held' ? lookup.order : null;
  const entries = useMemo(() => (order ? orderTimeline(order) : []), [order]);
  if (lookup.status === 'invalid') return <p className="empty">There is no such order.</p>;
  if (!order)
    return (
      <p className="empty" role="status">
        Loading the order… (it needs the network if this device never held it)
      </p>
    );
  const { header, state } = order;
  const actions = actor ? nextActions(actor, { status: state.status, type: header.type, driverId: state.driverId }) : new Set();
  // Card: what the provider confirmed; cash: what was collected; less refunds. The server checks again.
  const refundable = refundLeft(order);
  const driver = state.driverId ? (nameOf(state.driverId) ?? `Driver ${state.driverId.slice(0, 6)}`) : 'Unassigned';
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
      <ConflictSummary entries={entries} />
      <div className="order-detail__columns">
        <div className="order-detail__column">
          <OrderFacts order={order} now={now} driver={driver} />
          <DriverPanel order={order} now={now} />
          {actions.has('cancel') ? <CancelControl orderId={order.id} /> : null}
          {session && refundable > 0 ? (
            <RefundControl
              orderId={order.id}
              token={session.token}
              method={header.payment.method}
              left={refundable}
              currency={header.currency}
            />
          ) : null}
          <NoteForm orderId={order.id} />
        </div>
        <div className="order-detail__column">
          <OrderTimeline entries={entries} self={actor?.id ?? null} nameOf={nameOf} />
          <ProofPanel orderId={order.id} proofs={deliveryProofs(order)} />
        </div>
      </div>
    </article>
  );
}
