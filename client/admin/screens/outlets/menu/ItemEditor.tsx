import type { Menu, MenuItem } from '../../../../../shared/catalog/menu';
import { formatMoney } from '../../../../../shared/money';
import { MoneyField } from '../../../forms/MoneyField';
import { SelectField } from '../../../forms/SelectField';
import { addGroup, changeItem, moveItem, removeItem } from '../../../model/outlets/menuEdits';
import { GroupEditor } from './GroupEditor';
import { PhotoField } from './PhotoField';

/** One item, folded to its name, price and photo until opened. */
export function ItemEditor({
  item,
  categories,
  currency,
  first,
  last,
  open,
  onToggle,
  onChange,
}: {
  readonly item: MenuItem;
  readonly categories: Menu['categories'];
  readonly currency: string;
  readonly first: boolean;
  readonly last: boolean;
  readonly open: boolean;
  readonly onToggle: (open: boolean) => void;
  readonly onChange: (change: (menu: Menu) => Menu) => void;
}) {
  const set = (change: (item: MenuItem) => MenuItem) => onChange((m) => changeItem(m, item.id, change));
  const name = item.name || 'Unnamed item';
  return (
    <details className="menu-item-editor" open={open} onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary>
        {item.photo ? <img className="menu-item-editor__thumb" src={item.photo} alt="" width={48} height={48} /> : null}
        <span className="menu-item-editor__name">{name}</span>
        <span>{formatMoney(item.price, currency)}</span>
        {item.modifierGroups.length ? <span className="muted">{item.modifierGroups.length} choice groups</span> : null}
      </summary>
      <div className="outlet-form">
        <label className="field">
          <span>Item name</span>
          <input value={item.name} onChange={(e) => set((i) => ({ ...i, name: e.currentTarget.value }))} />
        </label>
        <MoneyField label="Price" minor={item.price} currency={currency} onChange={(price) => set((i) => ({ ...i, price }))} />
        <SelectField
          label="Category"
          value={item.categoryId}
          choices={categories.map((c) => ({ value: c.id, label: c.name || 'Unnamed category' }))}
          onChange={(categoryId) => categoryId && set((i) => ({ ...i, categoryId }))}
        />
        <label className="field outlet-form__wide">
          <span>Description</span>
          <textarea rows={2} value={item.description} onChange={(e) => set((i) => ({ ...i, description: e.currentTarget.value }))} />
        </label>
        <PhotoField
          itemName={name}
          photo={item.photo ?? null}
          onChange={(photo) => set(({ photo: _old, ...rest }) => (photo ? { ...rest, photo } : rest))}
        />
      </div>
      {item.modifierGroups.map((group) => (
        <GroupEditor key={group.id} itemName={name} group={group} currency={currency} onChange={set} />
      ))}
      <div className="menu-item-editor__actions">
        <button type="button" className="button" onClick={() => set((i) => addGroup(i, 'Choose'))}>
          Add a choice group to {name}
        </button>
        <button
          type="button"
          className="button button--quiet"
          aria-label={`Move ${name} up`}
          disabled={first}
          onClick={() => onChange((m) => moveItem(m, item.id, -1))}
        >
          ↑
        </button>
        <button
          type="button"
          className="button button--quiet"
          aria-label={`Move ${name} down`}
          disabled={last}
          onClick={() => onChange((m) => moveItem(m, item.id, 1))}
        >
          ↓
        </button>
        <button type="button" className="button button--danger" onClick={() => onChange((m) => removeItem(m, item.id))}>
          Remove {name}
        </button>
      </div>
    </details>
  );
}
