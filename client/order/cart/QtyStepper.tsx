import { MIN_QTY } from './cartRules';

/**
 * − qty + with big targets; the buttons name the item so a screen reader knows which line they change.
 * At the maximum the disabled + says why beside it, rather than just stop.
 */
export function QtyStepper({
  label,
  qty,
  max,
  onChange,
}: {
  readonly label: string;
  readonly qty: number;
  readonly max: number;
  readonly onChange: (qty: number) => void;
}) {
  const atMax = qty >= max;
  const limitId = `qty-limit-${label.replace(/[^A-Za-z0-9]+/g, '-')}`;
  return (
    <div className="qty" role="group" aria-label={`Quantity of ${label}`}>
      <button
        type="button"
        className="button button--quiet qty__button"
        aria-label={`One less ${label}`}
        disabled={qty <= MIN_QTY}
        onClick={() => onChange(qty - 1)}
      >
        −
      </button>
      <output className="qty__value" aria-live="polite" aria-label={`Quantity of ${label}`}>
        {qty}
      </output>
      <button
        type="button"
        className="button button--quiet qty__button"
        aria-label={`One more ${label}`}
        disabled={atMax}
        aria-describedby={atMax ? limitId : undefined}
        onClick={() => onChange(qty + 1)}
      >
        +
      </button>
      {atMax ? (
        <span id={limitId} className="qty__limit" role="status">
          {max} is the most per item online; call the restaurant for more.
        </span>
      ) : null}
    </div>
  );
}
