import type { MenuItem } from '../api/catalogApi';
import { price } from '../money';
import { describeLine, MAX_QTY } from './cartRules';
import type { CartState } from './cartStore';
import { QtyStepper } from './QtyStepper';

interface Props {
  readonly cart: CartState;
  readonly items: readonly MenuItem[];
  readonly currency: string;
  /** Read-only while the customer reviews the server's totals for exactly this cart. */
  readonly locked: boolean;
  readonly error?: string | undefined;
  /** How long the order should take ("Delivery in about 30–40 min"); null while the outlet takes no orders. */
  readonly estimate: string | null;
  readonly onQty: (key: string, qty: number) => void;
  readonly onRemove: (key: string) => void;
}

/** What is in the cart, with an estimate; the server's totals come at review. */
export function CartPanel({ cart, items, currency, locked, error, estimate, onQty, onRemove }: Props) {
  const lines = cart.lines.map((line) => describeLine(items, line));
  const subtotal = lines.reduce((sum, l) => sum + l.lineTotal, 0);
  return (
    <section aria-labelledby="cart-title" className="card cart">
      <h2 id="cart-title">Your cart</h2>
      {lines.length === 0 ? (
        <p className="muted">Nothing yet: add something from the menu.</p>
      ) : (
        <ul className="cart__lines">
          {lines.map((l) => (
            <li key={l.line.key} className="cart__line" aria-label={l.name}>
              <div className="cart__line-text">
                <strong>{l.name}</strong>
                {l.options.length > 0 ? <span className="muted">{l.options.join(', ')}</span> : null}
                {l.problem ? <span className="error">{l.problem}</span> : null}
              </div>
              <span className="cart__line-price">{price(l.lineTotal, currency)}</span>
              {locked ? (
                <span>× {l.line.qty}</span>
              ) : (
                <div className="cart__line-actions">
                  <QtyStepper label={l.name} qty={l.line.qty} max={MAX_QTY} onChange={(qty) => onQty(l.line.key, qty)} />
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={`Remove ${l.name} from cart`}
                    onClick={() => onRemove(l.line.key)}
                  >
                    Remove
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {lines.length > 0 ? (
        <p className="cart__estimate">
          Items: {price(subtotal, currency)} <span className="muted">(final total at review)</span>
        </p>
      ) : null}
      {lines.length > 0 && estimate ? (
        <p className="cart__time" aria-live="polite">
          {estimate}
        </p>
      ) : null}
      {error ? (
        <p id="cart-error" className="error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
