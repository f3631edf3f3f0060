import { useState } from 'react';
import type { MenuItem, OutletMenu } from '../api/catalogApi';
import type { ChosenModifier } from '../cart/cartRules';
import { ItemDialog } from './ItemDialog';
import { MenuItemCard } from './MenuItemCard';

interface Props {
  readonly menu: OutletMenu;
  /** False while the outlet is closed or paused: the menu stays readable, nothing is addable. */
  readonly canOrder: boolean;
  /** Units in the cart per item id. */
  readonly inCart: ReadonlyMap<string, number>;
  readonly onAdd: (itemId: string, modifiers: readonly ChosenModifier[], qty: number) => void;
}

/** The menu by category; items that are out stay listed (customers look for them) but cannot be added. */
export function MenuSection({ menu, canOrder, inCart, onAdd }: Props) {
  const [choosing, setChoosing] = useState<MenuItem | null>(null);
  const currency = menu.outlet.currency;
  return (
    <section aria-labelledby="menu-title" className="menu">
      <h2 id="menu-title">Menu</h2>
      {menu.categories.map((category) => {
        const items = menu.items.filter((i) => i.categoryId === category.id);
        if (items.length === 0) return null;
        return (
          <section key={category.id} aria-labelledby={`cat-${category.id}`} className="menu__category">
            <h3 id={`cat-${category.id}`}>{category.name}</h3>
            <ul className="menu__items">
              {items.map((item) => (
                <li key={item.id}>
                  <MenuItemCard
                    item={item}
                    currency={currency}
                    canOrder={canOrder}
                    inCart={inCart.get(item.id) ?? 0}
                    onChoose={() => setChoosing(item)}
                    onAdd={() => onAdd(item.id, [], 1)}
                  />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {choosing ? (
        <ItemDialog
          item={choosing}
          currency={currency}
          onClose={() => setChoosing(null)}
          onAdd={(modifiers, qty) => onAdd(choosing.id, modifiers, qty)}
        />
      ) : null}
    </section>
  );
}
