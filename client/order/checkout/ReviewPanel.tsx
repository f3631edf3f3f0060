import type { OrderRequest, Quote } from '../api/orderApi';
import { TaxRows } from '../../common/ui/TaxRows';
import { price } from '../money';

interface Props {
  readonly quote: Quote;
  readonly request: OrderRequest;
  readonly placing: boolean;
  readonly mayBePlaced: boolean;
  readonly error?: string | undefined;
  readonly onPlace: () => void;
  readonly onEdit: () => void;
}

const HOW: Readonly<Record<OrderRequest['type'], string>> = { delivery: 'Delivery', pickup: 'Pickup', 'dine-in': 'Dine-in' };

/** The server's price for exactly this order, shown before the customer commits to it. */
export function ReviewPanel({ quote, request, placing, mayBePlaced, error, onPlace, onEdit }: Props) {
  const money = (minor: number) => price(minor, quote.currency);
  return (
    <section className="card review" aria-labelledby="review-title">
      <h2 id="review-title">Review your order</h2>
      <ul className="review__lines">
        {quote.lines.map((line, i) => (
          <li key={i}>
            <span>
              {line.qty} × {line.name}
              {line.modifiers.length > 0 ? <span className="muted"> ({line.modifiers.map((m) => m.name).join(', ')})</span> : null}
            </span>
            <span>{money(line.lineTotal)}</span>
          </li>
        ))}
      </ul>
      <dl className="totals">
        <div>
          <dt>Subtotal</dt>
          <dd>{money(quote.subtotal)}</dd>
        </div>
        {request.type === 'delivery' ? (
          <div>
            <dt>Delivery fee{quote.zone ? ` (${quote.zone.name})` : ''}</dt>
            <dd>{money(quote.deliveryFee)}</dd>
          </div>
        ) : null}
        <TaxRows taxes={quote.taxes} inclusive={false} format={money} />
        <div className="totals__total">
          <dt>Total</dt>
          <dd>{money(quote.total)}</dd>
        </div>
        <TaxRows taxes={quote.taxes} inclusive format={money} className="totals__included" />
      </dl>
      <p>
        {HOW[request.type]}
        {request.address ? <> to {request.address.text}</> : null}
        {request.table ? <> at table {request.table}</> : null}
        {' · '}
        {request.payment.method === 'card' ? 'pay by card now' : 'pay cash'} · {request.customer.name}, {request.customer.phone}
      </p>
      {request.notes ? <p className="muted">Notes: {request.notes}</p> : null}
      {mayBePlaced && !error ? (
        <p className="notice">
          You pressed "Place order" before. Pressing it again is safe: if that order went through, you get the same order, not a second one.
        </p>
      ) : null}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="review__actions">
        <button type="button" className="button button--quiet" onClick={onEdit} disabled={placing}>
          Change order
        </button>
        <button type="button" className="button button--primary" onClick={onPlace} disabled={placing}>
          {placing ? 'Placing your order…' : 'Place order'}
        </button>
      </div>
    </section>
  );
}
