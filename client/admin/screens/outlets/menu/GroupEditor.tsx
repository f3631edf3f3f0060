import { useState } from 'react';
import type { MenuItem, ModifierGroup } from '../../../../../shared/catalog/menu';
import { ErrorLine } from '../../../../common/ui/ErrorLine';
import { MoneyField } from '../../../forms/MoneyField';
import { ParsedField } from '../../../forms/ParsedField';
import { plainNumber, wholeNumberIn } from '../../../forms/numberParsers';
import { addOption, changeGroup, changeOption, removeGroup, removeOption } from '../../../model/outlets/menuEdits';

const count = wholeNumberIn(0, 50);
const atLeastOne = wholeNumberIn(1, 50);

/** A modifier group: what the customer picks (size, chutneys, extras), with how few and how many. */
export function GroupEditor({
  itemName,
  group,
  currency,
  onChange,
}: {
  readonly itemName: string;
  readonly group: ModifierGroup;
  readonly currency: string;
  readonly onChange: (change: (item: MenuItem) => MenuItem) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const set = (change: (group: ModifierGroup) => ModifierGroup) => onChange((i) => changeGroup(i, group.id, change));
  const title = `${itemName}: ${group.name || 'choice group'}`;
  const rule =
    group.min > group.max
      ? `At least ${group.min} but at most ${group.max}: no customer could choose.`
      : group.min > group.options.length
        ? `At least ${group.min} of ${group.options.length} option${group.options.length === 1 ? '' : 's'}: no customer could choose.`
        : group.min === 0
          ? `Optional, up to ${group.max}.`
          : `Customers choose ${group.min === group.max ? group.min : `${group.min} to ${group.max}`}.`;
  return (
    <fieldset className="group-editor">
      <legend>{title}</legend>
      <div className="outlet-form">
        <label className="field">
          <span>Group name</span>
          <input value={group.name} onChange={(e) => set((g) => ({ ...g, name: e.currentTarget.value }))} />
        </label>
        <ParsedField
          label="At least"
          value={group.min}
          format={plainNumber}
          parse={count}
          inputMode="numeric"
          invalid="Use a whole number from 0."
          onChange={(min) => set((g) => ({ ...g, min }))}
        />
        <ParsedField
          label="At most"
          value={group.max}
          format={plainNumber}
          parse={atLeastOne}
          inputMode="numeric"
          invalid="Use a whole number from 1."
          onChange={(max) => set((g) => ({ ...g, max }))}
        />
      </div>
      <p className={group.min > group.max || group.min > group.options.length ? 'error' : 'muted'}>{rule}</p>
      <ul className="group-editor__options">
        {group.options.map((option, index) => (
          <li key={option.id} className="group-editor__option">
            <label className="field field--inline">
              <span>Option {index + 1}</span>
              <input value={option.name} onChange={(e) => set((g) => changeOption(g, option.id, { name: e.currentTarget.value }))} />
            </label>
            <MoneyField
              label={`Option ${index + 1} extra price`}
              minor={option.price}
              currency={currency}
              onChange={(price) => set((g) => changeOption(g, option.id, { price }))}
            />
            <button
              type="button"
              className="button button--quiet"
              aria-label={`Remove option ${option.name || index + 1} from ${title}`}
              onClick={() => {
                const next = removeOption(group, option.id);
                if (!next.ok) return setError(next.error.message);
                setError(null);
                set((g) => {
                  const removed = removeOption(g, option.id);
                  return removed.ok ? removed.value : g;
                });
              }}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <ErrorLine message={error} />
      <div className="menu-item-editor__actions">
        <button type="button" className="button" onClick={() => set((g) => addOption(g, `Option ${g.options.length + 1}`))}>
          Add an option to {group.name || 'this group'}
        </button>
        <button type="button" className="button button--quiet" onClick={() => onChange((i) => removeGroup(i, group.id))}>
          Remove the group {group.name}
        </button>
      </div>
    </fieldset>
  );
}
