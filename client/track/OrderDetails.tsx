import type { TrackView } from '../../shared/track';

/** What was ordered, as the customer remembers it: names, quantities and chosen options, no prices (the receipt has those). */
const orderedLines = (view: TrackView): { readonly text: string; readonly options: string }[] =>
  view.receipt
    ? view.receipt.lines.map((l) => ({ text: `${l.qty} × ${l.name}`, options: l.modifiers.map((m) => m.name).join(', ') }))
    : view.items.map((i) => ({ text: `${i.qty} × ${i.name}`, options: '' }));

/**
 * Which order this is (the number staff ask for), where it goes or where to collect it, and what is in
 * it. The drop-off is its area: the link may have been shared, and the address text is the customer's own.
 */
export function OrderDetails({ view }: { readonly view: TrackView }) {
  const details = view.details;
  return (
    <section className="card track__details" aria-labelledby="details-title">
      <h2 id="details-title">Your order</h2>
      <dl>
        {details ? (
          <>
            <dt>Order number</dt>
            <dd className="track__number">{details.orderNumber}</dd>
          </>
        ) : null}
        {view.orderType === 'delivery' && view.dropoffArea ? (
          <>
            <dt>Delivering to</dt>
            <dd>{view.dropoffArea}</dd>
          </>
        ) : null}
        {details?.pickupAddress ? (
          <>
            <dt>Pick up at</dt>
            <dd>
              {view.outletName}, {details.pickupAddress}
            </dd>
          </>
        ) : null}
      </dl>
      <ul className="track__items" aria-label="Items">
        {orderedLines(view).map((line, i) => (
          <li key={i}>
            {line.text}
            {line.options ? <span className="receipt__modifiers">{line.options}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
