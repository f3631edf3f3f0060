import { useState } from 'react';
import { isAvailable, type Catalog } from '../../../shared/catalog/outletDoc';
import { formatMoney } from '../../../shared/money';
import { ItemPicker } from './ItemPicker';
import type { DraftLine } from './phoneDraft';

/** The outlet's menu from this device's copy: tap to add; items with options open their choices first. */
export function MenuPicker({
  catalog,
  now,
  onAdd,
}: {
  readonly catalog: Catalog;
  readonly now: number;
  readonly onAdd: (itemId: string, modifiers: DraftLine['modifiers']) => void;
}) {
  const [choosing, setChoosing] = useState<string | null>(null);
  const available = (id: string): boolean => isAvailable(catalog, id, now);
  const item = choosing ? catalog.menu.items.find((i) => i.id === choosing) : undefined;
  if (item) {
    return (
      <ItemPicker
        item={item}
        isAvailable={available}
        onClose={() => setChoosing(null)}
        onAdd={(mods) => {
          onAdd(item.id, mods);
          setChoosing(null);
        }}
      />
    );
  }
  return (
    <div className="menu-picker">
      {catalog.menu.categories.map((category) => (
        <section key={category.id} aria-label={category.name} className="menu-picker__category">
          <h3>{category.name}</h3>
          <div className="menu-picker__items">
            {catalog.menu.items
              .filter((i) => i.categoryId === category.id)
              .map((i) => (
                <button
                  key={i.id}
                  type="button"
                  className="button button--quiet menu-picker__item"
                  disabled={!available(i.id)}
                  onClick={() => (i.modifierGroups.length > 0 ? setChoosing(i.id) : onAdd(i.id, []))}
                >
                  Add {i.name}
                  <span className="menu-picker__price">
                    {available(i.id) ? formatMoney(i.price, catalog.profile.currency) : 'unavailable'}
                  </span>
                </button>
              ))}
          </div>
        </section>
      ))}
    </div>
  );
}
