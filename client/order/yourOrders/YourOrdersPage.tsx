import './yourOrders.css';
import { price } from '../money';
import { CUSTOMER_STATUS, type PlacedOrder } from './placedOrderRules';
import { useYourOrders } from './useYourOrders';

const WHEN = new Intl.DateTimeFormat([], { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

function OrderRow({ order }: { readonly order: PlacedOrder }) {
  return (
    <li>
      <a className="card your-order" href={order.trackingPath}>
        <span className="your-order__head">
          <span className="your-order__outlet">{order.outletName}</span>
          <span className="your-order__number">{order.number}</span>
        </span>
        <span className="muted">
          {WHEN.format(order.placedAt)} · {price(order.total, order.currency)}
        </span>
        {order.status ? (
          <span className={`your-order__status your-order__status--${order.status}`}>{CUSTOMER_STATUS[order.status]}</span>
        ) : null}
      </a>
    </li>
  );
}

/** `/order/?view=orders`: the orders placed from this device, newest first, each opening its tracking page. */
export function YourOrdersPage() {
  const { orders, refreshing } = useYourOrders();
  return (
    <>
      <header className="app-header">
        <h1 className="app-header__title">Your orders</h1>
        <a className="button button--quiet header-link" href="/order/">
          Restaurants
        </a>
      </header>
      <main className="app-main">
        {orders.length === 0 ? (
          <p className="empty">No orders placed from this device yet. Orders you place here are listed for 90 days.</p>
        ) : (
          <>
            <p className="muted" role="status">
              {refreshing ? 'Checking the latest status…' : 'Orders placed from this device in the last 90 days. Tap one to track it.'}
            </p>
            <ul className="your-orders" aria-label="Orders placed from this device">
              {orders.map((order) => (
                <OrderRow key={order.orderId} order={order} />
              ))}
            </ul>
          </>
        )}
      </main>
    </>
  );
}
