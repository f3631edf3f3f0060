import { useMemo } from 'react';
import { orderNumber } from '../../../shared/order/orderNumber';
import { useStatusOrders } from '../model/orders/useBoardOrders';
import { lateText } from './lateOrders';
import { useLateAlert } from './useLateAlert';

/**
 * Orders the kitchen has promised and not made in time, on every screen: a red pill on a card in a
 * scrolled-away column is easy to miss. It sounds (unless muted) until someone taps "Got it" on
 * this tablet; the banner itself stays while the orders are late.
 */
export function LateBanner({ outletId, muted }: { readonly outletId: string; readonly muted: boolean }) {
  const accepted = useStatusOrders(outletId, 'accepted');
  const preparing = useStatusOrders(outletId, 'preparing');
  const kitchen = useMemo(() => [...(accepted ?? []), ...(preparing ?? [])], [accepted, preparing]);
  const { late, sounding, quieten } = useLateAlert(kitchen, muted);
  if (late.length === 0) return null;
  return (
    <section className="late" aria-label="Late orders" data-late-count={late.length} data-sounding={sounding}>
      <p className="late__text" role="status">
        {lateText(late, orderNumber)}
        {muted ? <span className="ring__count"> · sound muted</span> : null}
      </p>
      {sounding ? (
        <button type="button" className="button" onClick={quieten}>
          Got it
        </button>
      ) : null}
    </section>
  );
}
