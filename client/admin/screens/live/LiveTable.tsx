import type { RefObject } from 'react';
import { orderNumber } from '../../../../shared/order/orderNumber';
import type { OrderType } from '../../../../shared/order/status';
import { STATUS_TEXT } from '../../../common/ui/statusText';
import { SyncBadge } from '../../../common/ui/SyncBadge';
import type { NameOf } from '../../../common/orders/eventWords';
import type { HeldOrder } from '../../model/orders/orderBook';
import { isLate, isUnassigned, promiseTimer } from '../../model/orders/promise';
import { timerText } from '../../model/orders/timerText';
import { hrefOf } from '../../shell/adminRoute';

const TYPE_TEXT: { readonly [T in OrderType]: string } = { delivery: 'Delivery', pickup: 'Pickup', 'dine-in': 'Dine-in' };

function driverText(order: HeldOrder, nameOf: NameOf): string {
  if (isUnassigned(order)) return 'Unassigned';
  const driverId = order.state.driverId;
  return driverId ? (nameOf(driverId) ?? `Driver ${driverId.slice(0, 6)}`) : '—';
}

/** The orders as rows; each row's number is the link j / k move between and Enter opens. */
export function LiveTable({
  orders,
  now,
  nameOf,
  body,
}: {
  readonly orders: readonly HeldOrder[];
  readonly now: number;
  readonly nameOf: NameOf;
  readonly body: RefObject<HTMLTableSectionElement | null>;
}) {
  return (
    // Focusable so a keyboard can scroll it sideways on a narrow screen.
    <div className="ops-table__scroll" tabIndex={0} role="region" aria-label="Orders under way, scrolls sideways on a narrow screen">
      <table className="ops-table" aria-label="Orders under way">
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Outlet</th>
            <th scope="col">Customer</th>
            <th scope="col">Type</th>
            <th scope="col">Status</th>
            <th scope="col">Timer</th>
            <th scope="col">Driver</th>
            <th scope="col">Flags</th>
          </tr>
        </thead>
        <tbody ref={body}>
          {orders.map((order) => {
            const late = isLate(order, now);
            const conflicts = order.state.conflicts.length;
            return (
              <tr key={order.id} className={late ? 'ops-row ops-row--late' : 'ops-row'} data-order-id={order.id}>
                <th scope="row">
                  <a
                    data-list-item
                    href={hrefOf('order', order.id)}
                    aria-label={`Open order ${orderNumber(order.id)} for ${order.header.customer.name}`}
                  >
                    {orderNumber(order.id)}
                  </a>
                </th>
                <td>{order.header.outlet.name}</td>
                <td>{order.header.customer.name}</td>
                <td>{TYPE_TEXT[order.header.type]}</td>
                <td>{STATUS_TEXT[order.state.status]}</td>
                <td>{timerText(promiseTimer(order, now), order.state.status) ?? '—'}</td>
                <td>{driverText(order, nameOf)}</td>
                <td className="ops-row__flags">
                  {late ? <span className="flag flag--bad">Late</span> : null}
                  {conflicts > 0 ? (
                    <span className="flag flag--warn">{conflicts === 1 ? '1 conflict' : `${conflicts} conflicts`}</span>
                  ) : null}
                  <SyncBadge state={order.syncState} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
