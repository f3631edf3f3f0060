import { useState } from 'react';
import type { Menu } from '../../../../../shared/catalog/menu';
import type { OutletId } from '../../../../../shared/ids';
import { useAdminOutletCommands } from '../../../model/outlets/adminOutletCommands';
import { addItem, freshId } from '../../../model/outlets/menuEdits';
import { useDraft } from '../../../model/outlets/useDraft';
import { SaveBar } from '../SaveBar';
import { CategoryList } from './CategoryList';
import { ItemEditor } from './ItemEditor';

/**
 * The whole menu as one draft: categories in the order customers see them, each with its items,
 * prices, photos and modifier groups. Saved as one change, which the outlet tablets and the
 * ordering page get live.
 */
export function MenuSection({ outletId, menu, currency }: { readonly outletId: OutletId; readonly menu: Menu; readonly currency: string }) {
  const outletCommands = useAdminOutletCommands();
  const draft = useDraft(menu);
  const [openItem, setOpenItem] = useState<string | null>(null);
  const value = draft.value;
  const edit = (change: (menu: Menu) => Menu) => draft.edit(change);

  return (
    <section className="outlet-section" aria-labelledby="outlet-menu-title">
      <h3 id="outlet-menu-title">Menu</h3>
      <CategoryList menu={value} onChange={edit} />
      {value.categories.map((category) => {
        const items = value.items.filter((i) => i.categoryId === category.id);
        return (
          <section key={category.id} className="menu-category" aria-label={`${category.name || 'Unnamed category'} items`}>
            <h4>{category.name || 'Unnamed category'}</h4>
            {items.length === 0 ? <p className="muted">No items in this category yet.</p> : null}
            <ul className="menu-items">
              {items.map((item, index) => (
                <li key={item.id}>
                  <ItemEditor
                    item={item}
                    categories={value.categories}
                    currency={currency}
                    first={index === 0}
                    last={index === items.length - 1}
                    open={openItem === item.id}
                    onToggle={(open) => setOpenItem((current) => (open ? item.id : current === item.id ? null : current))}
                    onChange={edit}
                  />
                </li>
              ))}
            </ul>
            <button
              type="button"
              className="button"
              onClick={() => {
                const itemId = freshId('item');
                edit((m) => addItem(m, category.id, 'New item', itemId));
                setOpenItem(itemId);
              }}
            >
              Add an item to {category.name || 'this category'}
            </button>
          </section>
        );
      })}
      <SaveBar what="Menu" draft={draft} save={(m) => outletCommands.saveMenu(outletId, m)} />
    </section>
  );
}
