import type { TrackView } from '../../shared/track';
import { reorderPath } from '../common/orders/reorderLink';

/**
 * "Order again" once an order is over: the outlet's ordering page with the same items, options and
 * quantities in the cart. After a rejection it is the way on; after a delivery, the shortcut to a favourite.
 */
export function OrderAgain({ view }: { readonly view: TrackView }) {
  const details = view.details;
  if (!details || details.reorder.length === 0) return null;
  const rejected = view.status === 'rejected' || view.status === 'cancelled' || view.status === 'failed';
  return (
    <section className="card track__again no-print" aria-labelledby="again-title">
      <h2 id="again-title">{rejected ? 'Still hungry?' : 'Enjoyed it?'}</h2>
      <p>
        {rejected
          ? `Order the same items again from ${view.outletName}, or change them first: they will be in your cart.`
          : `Your cart at ${view.outletName} will have the same items, ready to order.`}
      </p>
      <a className="button button--primary" href={reorderPath(details.outletId, details.reorder)}>
        Order again
      </a>
    </section>
  );
}
