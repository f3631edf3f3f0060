import './yourOrders.css';
import { YOUR_ORDERS_PATH } from '../route';

/** The way to "Your orders" from every ordering page header. */
export function YourOrdersLink() {
  return (
    <a className="button button--quiet header-link" href={YOUR_ORDERS_PATH}>
      Your orders
    </a>
  );
}
