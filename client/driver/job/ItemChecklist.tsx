import type { OrderLine } from '../../../shared/order/header';

export const lineText = (line: OrderLine): string =>
  `${line.qty} × ${line.name}${line.modifiers.length > 0 ? ` (${line.modifiers.map((m) => m.name).join(', ')})` : ''}`;

/** The bag's contents to tick off at the counter: a missing raita is cheaper to fix here than at the door. */
export function ItemChecklist({
  items,
  checked,
  onToggle,
}: {
  readonly items: readonly OrderLine[];
  readonly checked: ReadonlySet<number>;
  readonly onToggle: (index: number) => void;
}) {
  return (
    <fieldset className="checklist">
      <legend>Check the items into the bag</legend>
      {items.map((line, i) => (
        <label key={i} className="checklist__item">
          <input type="checkbox" checked={checked.has(i)} onChange={() => onToggle(i)} />
          <span>{lineText(line)}</span>
        </label>
      ))}
    </fieldset>
  );
}
