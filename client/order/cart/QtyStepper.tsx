import { MIN_QTY } from './cartRules';

/** − qty + with big targets; the buttons name the item so a screen reader knows which line they change. */
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
        disabled={qty >= max}
        onClick={() => onChange(qty + 1)}
      >
        +
      </button>
    </div>
  );
}
