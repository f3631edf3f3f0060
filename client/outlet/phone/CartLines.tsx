import type { Catalog } from '../../../shared/catalog/outletDoc';
import { describeItems } from './describeItems';
import type { DraftLine } from './phoneDraft';

/** What the caller has asked for so far, with quantities staff can change while on the phone. */
export function CartLines({
  lines,
  catalog,
  onChange,
}: {
  readonly lines: readonly DraftLine[];
  readonly catalog: Catalog;
  readonly onChange: (key: string, delta: number) => void;
}) {
  if (lines.length === 0) return <p className="column__empty">No items yet: add them from the menu.</p>;
  const described = describeItems(lines, catalog);
  return (
    <ul className="cart" aria-label="Order items">
      {lines.map((line, index) => {
        const text = described[index];
        const name = text?.name ?? line.itemId;
        return (
          <li key={line.key} className="cart__line">
            <span className="cart__text">
              {line.qty} × {name}
              {text && text.modifiers.length > 0 ? ` — ${text.modifiers.join(', ')}` : ''}
            </span>
            <button type="button" className="button button--quiet" aria-label={`Remove one ${name}`} onClick={() => onChange(line.key, -1)}>
              −
            </button>
            <button
              type="button"
              className="button button--quiet"
              aria-label={`Add one more ${name}`}
              onClick={() => onChange(line.key, 1)}
            >
              +
            </button>
          </li>
        );
      })}
    </ul>
  );
}
