import { useEffect, useRef, useState } from 'react';
import type { MenuItem } from '../api/catalogApi';
import {
  clampQty,
  groupRule,
  MAX_QTY,
  modifierProblems,
  preselectedPicks,
  toggleOption,
  unitPrice,
  type ChosenModifier,
} from '../cart/cartRules';
import { price } from '../money';
import { QtyStepper } from '../cart/QtyStepper';

interface Props {
  readonly item: MenuItem;
  readonly currency: string;
  readonly onAdd: (modifiers: readonly ChosenModifier[], qty: number) => void;
  readonly onClose: () => void;
}

/**
 * Choices for one item, in a native modal dialog (focus stays inside, Escape closes it).
 * Radio buttons where one choice is allowed, checkboxes otherwise; a group's limits hold as
 * the customer ticks, and a missing required choice is named before anything is added. A required
 * single choice opens with its first option chosen, so Add works at once.
 */
export function ItemDialog({ item, currency, onAdd, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [picks, setPicks] = useState<ChosenModifier[]>(() => preselectedPicks(item));
  const [qty, setQty] = useState(1);
  const [tried, setTried] = useState(false);
  const problems = modifierProblems(item, picks);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const add = () => {
    setTried(true);
    if (problems.size === 0) {
      onAdd(picks, qty);
      // Closing (rather than unmounting) hands focus back to the button that opened the dialog.
      ref.current?.close();
    }
  };

  return (
    <dialog ref={ref} className="item-dialog" aria-labelledby="item-dialog-title" onClose={onClose}>
      <form
        method="dialog"
        className="item-dialog__form"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <h2 id="item-dialog-title">{item.name}</h2>
        {item.description ? <p className="muted">{item.description}</p> : null}
        {item.modifierGroups.map((group) => {
          const single = group.max === 1;
          const chosen = picks.filter((p) => p.groupId === group.id);
          const full = !single && chosen.length >= group.max;
          const problem = tried ? problems.get(group.id) : undefined;
          return (
            <fieldset key={group.id} className="choice-group" aria-describedby={problem ? `problem-${group.id}` : undefined}>
              <legend>
                {group.name} <span className="muted">({groupRule(group)})</span>
              </legend>
              {group.options.map((option) => {
                const checked = chosen.some((p) => p.optionId === option.id);
                return (
                  <label key={option.id} className="choice">
                    <input
                      type={single ? 'radio' : 'checkbox'}
                      name={`group-${group.id}`}
                      checked={checked}
                      disabled={!option.available || (full && !checked)}
                      onChange={() => setPicks((current) => toggleOption(group, current, option.id))}
                    />
                    <span>{option.name}</span>
                    <span className="muted">
                      {!option.available ? 'not available' : option.price > 0 ? `+${price(option.price, currency)}` : ''}
                    </span>
                  </label>
                );
              })}
              {problem ? (
                <p id={`problem-${group.id}`} className="error" role="alert">
                  {problem}
                </p>
              ) : null}
            </fieldset>
          );
        })}
        <QtyStepper label={item.name} qty={qty} max={MAX_QTY} onChange={(n) => setQty(clampQty(n))} />
        <div className="item-dialog__actions">
          <button type="button" className="button button--quiet" onClick={() => ref.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="button button--primary">
            Add to cart · {price(unitPrice(item, picks) * qty, currency)}
          </button>
        </div>
      </form>
    </dialog>
  );
}
