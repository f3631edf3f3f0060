import { useState } from 'react';
import type { MenuItem } from '../../../shared/catalog/menu';
import type { DraftLine } from './phoneDraft';

/**
 * Choosing an item's modifiers before adding it. Limits come from the menu (min/max per group);
 * the same rules are checked again when the order is priced.
 */
export function ItemPicker({
  item,
  isAvailable,
  onAdd,
  onClose,
}: {
  readonly item: MenuItem;
  readonly isAvailable: (id: string) => boolean;
  readonly onAdd: (modifiers: DraftLine['modifiers']) => void;
  readonly onClose: () => void;
}) {
  const [chosen, setChosen] = useState<DraftLine['modifiers']>([]);
  const picked = (groupId: string, optionId: string): boolean => chosen.some((m) => m.groupId === groupId && m.optionId === optionId);
  const toggle = (groupId: string, optionId: string, single: boolean): void => {
    if (single) setChosen([...chosen.filter((m) => m.groupId !== groupId), { groupId, optionId }]);
    else
      setChosen(
        picked(groupId, optionId)
          ? chosen.filter((m) => !(m.groupId === groupId && m.optionId === optionId))
          : [...chosen, { groupId, optionId }],
      );
  };
  const problems = item.modifierGroups.flatMap((g) => {
    const n = chosen.filter((m) => m.groupId === g.id).length;
    return n < g.min || n > g.max ? [`${g.name}: choose ${g.min === g.max ? g.min : `${g.min}–${g.max}`}`] : [];
  });
  return (
    <div className="picker card" role="group" aria-label={`Choose options for ${item.name}`}>
      <h3>{item.name}</h3>
      {item.modifierGroups.map((group) => {
        const single = group.min === 1 && group.max === 1;
        return (
          <fieldset key={group.id} className="picker__group">
            <legend>
              {group.name} ({group.min === group.max ? `choose ${group.min}` : `choose ${group.min}–${group.max}`})
            </legend>
            {group.options.map((option) => (
              <label key={option.id} className="until__choice">
                <input
                  type={single ? 'radio' : 'checkbox'}
                  name={`${item.id}-${group.id}`}
                  checked={picked(group.id, option.id)}
                  disabled={!isAvailable(option.id)}
                  onChange={() => toggle(group.id, option.id, single)}
                />
                {option.name}
                {isAvailable(option.id) ? '' : ' (unavailable)'}
              </label>
            ))}
          </fieldset>
        );
      })}
      {problems.length > 0 ? <p className="notice">{problems.join('; ')}</p> : null}
      <div className="order__actions">
        <button type="button" className="button button--primary" disabled={problems.length > 0} onClick={() => onAdd(chosen)}>
          Add to order
        </button>
        <button type="button" className="button button--quiet" onClick={onClose}>
          Back
        </button>
      </div>
    </div>
  );
}
