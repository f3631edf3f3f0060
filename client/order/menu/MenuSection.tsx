import { useId, useRef, useState } from 'react';
import type { MenuItem, OutletMenu } from '../api/catalogApi';
import type { ChosenModifier } from '../cart/cartRules';
import { CategoryChips } from './CategoryChips';
import { ItemDialog } from './ItemDialog';
import { MenuItemCard } from './MenuItemCard';
import { searchItems } from './menuSearch';
import { useActiveCategory } from './useActiveCategory';

/** The chip row's height plus a gap: where a section heading sits after a jump, and the line that marks it read. */
const CHIPS_OFFSET = 72;

interface Props {
  readonly menu: OutletMenu;
  /** False while the outlet is closed or paused: the menu stays readable, nothing is addable. */
  readonly canOrder: boolean;
  /** Units in the cart per item id. */
  readonly inCart: ReadonlyMap<string, number>;
  /** The cart is on screen below the menu (phone, portrait tablet): the sticky chips would only cover the last dishes. */
  readonly chipsGiveWay: boolean;
  readonly onAdd: (itemId: string, modifiers: readonly ChosenModifier[], qty: number) => void;
}

/**
 * The menu by category, with a search over names and descriptions and a row of category chips.
 * Items that are out stay listed (customers look for them) but cannot be added.
 */
export function MenuSection({ menu, canOrder, inCart, chipsGiveWay, onAdd }: Props) {
  const [choosing, setChoosing] = useState<MenuItem | null>(null);
  const [query, setQuery] = useState('');
  const searchId = useId();
  const searchBox = useRef<HTMLInputElement>(null);
  const currency = menu.outlet.currency;
  const found = searchItems(menu.items, query);
  const sections = menu.categories
    .map((category) => ({ ...category, items: found.filter((i) => i.categoryId === category.id) }))
    .filter((s) => s.items.length > 0);
  const { active, jumped } = useActiveCategory(
    sections.map((s) => s.id),
    CHIPS_OFFSET,
  );
  const searching = query.trim() !== '';
  return (
    <section aria-labelledby="menu-title" className="menu">
      <h2 id="menu-title">Menu</h2>
      <div className="menu-search">
        {/* Named for screen readers; sighted customers read the box's own words, which keeps the first dish above a phone's fold. */}
        <label htmlFor={searchId} className="sr-only">
          Search the menu
        </label>
        <div className="menu-search__row">
          <input
            ref={searchBox}
            id={searchId}
            type="search"
            className="menu-search__input"
            value={query}
            placeholder="Search the menu"
            autoComplete="off"
            enterKeyHint="search"
            onChange={(e) => setQuery(e.target.value)}
          />
          {searching ? (
            <button
              type="button"
              className="button button--quiet"
              onClick={() => {
                setQuery('');
                // The button goes away with the search: focus goes back to the box rather than the page's top.
                searchBox.current?.focus();
              }}
            >
              Clear search
            </button>
          ) : null}
        </div>
        <p role="status" className={found.length === 0 ? 'menu-search__result empty' : 'menu-search__result muted'}>
          {searchResult(query.trim(), found.length)}
        </p>
      </div>
      <CategoryChips categories={sections} active={active} giveWay={chipsGiveWay} onJump={jumped} />
      {sections.map((section) => (
        <section key={section.id} aria-labelledby={`cat-${section.id}`} className="menu__category">
          <h3 id={`cat-${section.id}`} tabIndex={-1}>
            {section.name}
          </h3>
          <ul className="menu__items">
            {section.items.map((item) => (
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
      ))}
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

/** Said as the customer types: how many dishes match, or that none do and what to try. */
function searchResult(query: string, count: number): string {
  if (query === '') return '';
  if (count === 0) return `No dishes match “${query}”. Try another word, or clear the search to see the whole menu.`;
  return `${count} ${count === 1 ? 'dish matches' : 'dishes match'} “${query}”.`;
}
