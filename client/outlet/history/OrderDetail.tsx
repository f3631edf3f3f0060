import { useEffect } from 'react';
import type { OrderPanelProps } from '../orders/orderPanelProps';
import type * as Y from 'yjs';
import { orderDocName, outletInboxName } from '../../../shared/docNames';
import type { UserId } from '../../../shared/ids';
import { formatMoney } from '../../../shared/money';
import { readOrder, type OrderView } from '../../../shared/order/orderDoc';
import { useDevice } from '../../common/device/DeviceContext';
import { useHeldDoc } from '../../common/device/useHeldDoc';
import { deliveryProofs } from '../../common/orders/deliveryProofs';
import { eventText } from '../../common/orders/eventWords';
import { ProofPanel } from '../../common/orders/ProofPanel';
import { useOutletTime } from '../../common/time/OutletTimeContext';
import { STATUS_TEXT } from '../../common/ui/statusText';
import { outletDriverNames } from '../model/cash/driverNames';
import { orderNumber, orderTypeText } from '../orders/orderText';

const readView = (doc: Y.Doc | undefined): OrderView | null => (doc ? readOrder(doc) : null);

/**
 * One past order whole: what was in it, every step with its time, who delivered it and the proof
 * photo. Older orders are not on the tablet; opening one fetches its document from the server.
 */
export function OrderDetail({ orderId, outletId, onClose }: OrderPanelProps) {
  const device = useDevice();
  const name = orderDocName(orderId);
  useEffect(() => {
    void device.holdDoc(name, true);
  }, [device, name]);
  const view = useHeldDoc(name, readView).value;
  const drivers = useHeldDoc(outletInboxName(outletId), outletDriverNames).value;
  const { dateTime } = useOutletTime();
  const nameOf = (id: UserId): string | null => drivers.get(id) ?? null;

  return (
    <section className="card history-detail" aria-labelledby="history-detail-title">
      <div className="history-detail__head">
        <h3 id="history-detail-title">
          Order {orderNumber(orderId)}
          {view ? ` — ${view.header.customer.name}` : ''}
        </h3>
        <button type="button" className="button" onClick={onClose}>
          Back to history
        </button>
      </div>
      {view ? <Facts view={view} nameOf={nameOf} /> : <p role="status">Fetching the order from the server…</p>}
      {view ? (
        <section aria-labelledby="history-timeline-title">
          <h4 id="history-timeline-title">Timeline</h4>
          <ol className="history-detail__timeline">
            {view.state.applied.map((event) => (
              <li key={event.id}>
                <time dateTime={new Date(event.at).toISOString()}>{dateTime(event.at)}</time> {eventText(event, nameOf)}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {view ? <ProofPanel orderId={orderId} proofs={deliveryProofs(view)} /> : null}
    </section>
  );
}

function Facts({ view, nameOf }: { readonly view: OrderView; readonly nameOf: (id: UserId) => string | null }) {
  const { header, state } = view;
  const driver = state.driverId ? (nameOf(state.driverId) ?? 'a driver') : null;
  return (
    <>
      <p>
        <strong>{STATUS_TEXT[state.status]}</strong> · {orderTypeText({ orderType: header.type, table: header.table ?? null })}
        {header.source === 'phone' ? ' · phone order' : ''} · {header.customer.phone}
      </p>
      {header.address ? <p>Deliver to {header.address.text}</p> : null}
      {driver ? <p>Driver: {driver}</p> : null}
      <ul className="order__lines" aria-label="Items">
        {header.items.map((line, index) => (
          <li key={index}>
            {line.qty} × {line.name}
            {line.modifiers.length > 0 ? ` — ${line.modifiers.map((m) => m.name).join(', ')}` : ''} ·{' '}
            {formatMoney(line.lineTotal, header.currency)}
          </li>
        ))}
      </ul>
      {header.notes ? <p>Note: {header.notes}</p> : null}
      <p>
        Total <strong>{formatMoney(header.totals.total, header.currency)}</strong> ({header.payment.method})
      </p>
    </>
  );
}
