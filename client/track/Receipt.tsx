import { formatMoney } from '../../shared/money';
import type { TrackView } from '../../shared/track';
import { TaxRows } from '../common/ui/TaxRows';
import { clockTime } from '../common/ui/clockTime';
import { paymentText } from './paymentText';

/**
 * The receipt: items with their options and prices, fees, taxes, total, how it is paid and what was
 * refunded, as the server priced it. Views cached before receipts existed show items and total only.
 * "Print receipt" prints this section alone (track.css, @media print).
 */
export function Receipt({ view }: { readonly view: TrackView }) {
  const money = (minor: number): string => formatMoney(minor, view.currency);
  const { receipt, payment } = view;
  return (
    <section className="card track__receipt" aria-labelledby="receipt-title">
      <h2 id="receipt-title">Receipt</h2>
      <p className="muted">
        {view.outletName} · placed {clockTime(view.placedAt)}
      </p>
      {receipt ? (
        <>
          <ul className="track__items">
            {receipt.lines.map((line, i) => (
              <li key={i} className="receipt__line">
                <span>
                  {line.qty} × {line.name} <span className="muted">({money(line.unitPrice)} each)</span>
                  {line.modifiers.length > 0 ? (
                    <span className="receipt__modifiers">
                      {line.modifiers.map((m) => (m.price > 0 ? `${m.name} +${money(m.price)}` : m.name)).join(', ')}
                    </span>
                  ) : null}
                </span>
                <span>{money(line.lineTotal)}</span>
              </li>
            ))}
          </ul>
          <dl className="receipt__totals">
            <div>
              <dt>Subtotal</dt>
              <dd>{money(receipt.subtotal)}</dd>
            </div>
            {receipt.deliveryFee > 0 ? (
              <div>
                <dt>Delivery fee</dt>
                <dd>{money(receipt.deliveryFee)}</dd>
              </div>
            ) : null}
            <TaxRows taxes={receipt.taxes} inclusive={false} format={money} />
          </dl>
          <p className="track__total">Total {money(receipt.total)}</p>
          {receipt.taxes.some((tax) => tax.inclusive) ? (
            <dl className="receipt__totals receipt__included">
              <TaxRows taxes={receipt.taxes} inclusive format={money} />
            </dl>
          ) : null}
        </>
      ) : (
        <>
          <ul className="track__items">
            {view.items.map((item, i) => (
              <li key={i}>
                <span>{item.qty} ×</span> {item.name}
              </li>
            ))}
          </ul>
          <p className="track__total">Total {money(view.total)}</p>
        </>
      )}
      <p className="track__payment" data-payment={payment?.status ?? 'cash'}>
        {paymentText(view)}
      </p>
      <button type="button" className="button no-print" onClick={() => window.print()}>
        Print receipt
      </button>
    </section>
  );
}
