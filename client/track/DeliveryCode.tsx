import type { TrackView } from '../../shared/track';

/**
 * The code the customer reads out to the driver at the door: the driver's phone checks it, so the order
 * is marked delivered only where the customer is. Shown while the order can still be delivered.
 */
export function DeliveryCode({ view }: { readonly view: TrackView }) {
  if (!view.deliveryCode) return null;
  return (
    <section className="card track__code" aria-labelledby="delivery-code-title">
      <h2 id="delivery-code-title">Delivery code</h2>
      <p className="track__code-digits" aria-describedby="delivery-code-help">
        {view.deliveryCode.split('').join(' ')}
      </p>
      <p id="delivery-code-help" className="muted">
        Tell it to your driver at the door, not before. Nobody from Dabba or the restaurant will ask for it.
      </p>
    </section>
  );
}
