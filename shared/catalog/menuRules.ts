import type { Menu } from './menu';

/** What the schemas cannot say about a menu: ids are unique and every item is in a category that exists. */
export function menuProblem(menu: Menu): string | null {
  const items = new Set<string>();
  const categories = new Set(menu.categories.map((c) => c.id));
  for (const item of menu.items) {
    if (items.has(item.id)) return `item id "${item.id}" is used twice.`;
    items.add(item.id);
    if (!categories.has(item.categoryId)) return `${item.name} is in category "${item.categoryId}", which the menu does not have.`;
  }
  return categories.size === menu.categories.length ? null : 'a category id is used twice.';
}
