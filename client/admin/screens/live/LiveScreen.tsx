import { isTerminal } from '../../../../shared/order/status';
import { orderNumber } from '../../../../shared/order/orderNumber';
import { clockTime } from '../../../common/ui/clockTime';
import { STATUS_TEXT } from '../../../common/ui/statusText';
import { SyncBadge } from '../../../common/ui/SyncBadge';
import { useHeldOrders } from '../../model/AdminContext';

/** Every order the device holds that is still under way, oldest first. */
export function LiveScreen() {
  const orders = useHeldOrders()
    .filter((o) => !isTerminal(o.state.status))
    .sort((a, b) => a.header.createdAt - b.header.createdAt);
  return (
    <section aria-labelledby="live-title">
      <h2 id="live-title">Live operations</h2>
      {orders.length === 0 ? (
        <p className="empty">No orders under way.</p>
      ) : (
        <table className="ops-table" aria-label="Orders under way">
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Outlet</th>
              <th scope="col">Customer</th>
              <th scope="col">Status</th>
              <th scope="col">Placed</th>
              <th scope="col">Sync</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.id} data-order-id={o.id}>
                <td>{orderNumber(o.id)}</td>
                <td>{o.header.outlet.name}</td>
                <td>{o.header.customer.name}</td>
                <td>{STATUS_TEXT[o.state.status]}</td>
                <td>{clockTime(o.header.createdAt)}</td>
                <td>
                  <SyncBadge state={o.syncState} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
