import { useState } from 'react';
import type { MenuItem, OutletMenu } from '../api/catalogApi';
import type { ChosenModifier } from '../cart/cartRules';
import { price } from '../money';
import { ItemDialog } from './ItemDialog';

interface Props {
  readonly menu: OutletMenu;
  /** False while the outlet is closed or paused: the menu stays readable, nothing is addable. */
  readonly canOrder: boolean;
  readonly onAdd: (itemId: string, modifiers: readonly ChosenModifier[], qty: number) => void;
}

/** The menu by category; items that are out stay listed (customers look for them) but cannot be added. */
export function MenuSection({ menu, canOrder, onAdd }: Props) {
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
                  <article className="card menu-item" aria-label={item.name} data-available={item.available}>
                    {item.photo ? <img className="menu-item__photo" src={item.photo} alt="" loading="lazy" /> : null}
                    <div className="menu-item__text">
                      <h4>{item.name}</h4>
                      {item.description ? <p className="muted">{item.description}</p> : null}
                      <p className="menu-item__price">{price(item.price, currency)}</p>
                    </div>
                    {!item.available ? (
                      <p className="menu-item__out">Not available right now</p>
                    ) : canOrder ? (
                      item.modifierGroups.length > 0 ? (
                        <button type="button" className="button" onClick={() => setChoosing(item)}>
                          Choose options
                        </button>
                      ) : (
                        <button type="button" className="button" onClick={() => onAdd(item.id, [], 1)}>
                          Add to cart
                        </button>
                      )
                    ) : null}
                  </article>
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
