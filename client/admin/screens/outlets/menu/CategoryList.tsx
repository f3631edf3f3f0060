import { useState } from 'react';
import type { Menu } from '../../../../../shared/catalog/menu';
import { ErrorLine } from '../../../../common/ui/ErrorLine';
import { addCategory, moveCategory, removeCategory, renameCategory } from '../../../model/outlets/menuEdits';

/** The menu's categories, in the order customers see them: rename, move, remove an empty one, add. */
export function CategoryList({ menu, onChange }: { readonly menu: Menu; readonly onChange: (change: (menu: Menu) => Menu) => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <fieldset className="categories">
      <legend>Categories</legend>
      {menu.categories.length === 0 ? <p className="muted">No categories yet: add one, then its items.</p> : null}
      <ol className="categories__list">
        {menu.categories.map((category, index) => (
          <li key={category.id} className="categories__row">
            <label className="field field--inline">
              <span className="sr-only">Category {index + 1} name</span>
              <input value={category.name} onChange={(e) => onChange((m) => renameCategory(m, category.id, e.currentTarget.value))} />
            </label>
            <button
              type="button"
              className="button button--quiet"
              aria-label={`Move ${category.name} up`}
              disabled={index === 0}
              onClick={() => onChange((m) => moveCategory(m, category.id, -1))}
            >
              ↑
            </button>
            <button
              type="button"
              className="button button--quiet"
              aria-label={`Move ${category.name} down`}
              disabled={index === menu.categories.length - 1}
              onClick={() => onChange((m) => moveCategory(m, category.id, 1))}
            >
              ↓
            </button>
            <button
              type="button"
              className="button button--quiet"
              aria-label={`Remove category ${category.name}`}
              onClick={() => {
                const next = removeCategory(menu, category.id);
                if (!next.ok) return setError(`${category.name}: ${next.error.message}`);
                setError(null);
                onChange((m) => {
                  const removed = removeCategory(m, category.id);
                  return removed.ok ? removed.value : m;
                });
              }}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      <ErrorLine message={error} />
      <form
        className="categories__add"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return setError('Give the new category a name.');
          setError(null);
          onChange((m) => addCategory(m, name.trim()));
          setName('');
        }}
      >
        <label className="field field--inline">
          <span>New category</span>
          <input value={name} onChange={(e) => setName(e.currentTarget.value)} />
        </label>
        <button type="submit" className="button">
          Add category
        </button>
      </form>
    </fieldset>
  );
}
