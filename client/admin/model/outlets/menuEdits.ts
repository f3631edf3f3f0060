import type { Menu, MenuItem, ModifierGroup, ModifierOption } from '../../../../shared/catalog/menu';
import { randomId } from '../../../../shared/ids';
import { fail, ok, type Result } from '../../../../shared/result';

/**
 * Edits of a menu draft in the admin's editor: each takes a menu and gives the next, so the editor
 * keeps one immutable draft and saves it whole. Ids are made here once and never change, since
 * availability, orders and carts name items and options by id.
 */

/** A fresh id with a readable prefix; the random part keeps drafts made offline on two desks apart. */
export const freshId = (prefix: 'cat' | 'item' | 'group' | 'opt' | 'zone' | 'tax'): string => `${prefix}-${randomId(8)}`;

/** The list with the entry at `index` and its neighbour `by` away swapped; unchanged at either end. */
export const swapWithNeighbour = <T>(list: readonly T[], index: number, by: -1 | 1): readonly T[] => {
  const other = index + by;
  const a = list[index];
  const b = list[other];
  if (a === undefined || b === undefined) return list;
  const next = [...list];
  next[index] = b;
  next[other] = a;
  return next;
};

export function addCategory(menu: Menu, name: string): Menu {
  return { ...menu, categories: [...menu.categories, { id: freshId('cat'), name }] };
}

export function renameCategory(menu: Menu, id: string, name: string): Menu {
  return { ...menu, categories: menu.categories.map((c) => (c.id === id ? { ...c, name } : c)) };
}

/** Customers see categories in this order. */
export function moveCategory(menu: Menu, id: string, by: -1 | 1): Menu {
  return {
    ...menu,
    categories: [
      ...swapWithNeighbour(
        menu.categories,
        menu.categories.findIndex((c) => c.id === id),
        by,
      ),
    ],
  };
}

/** Only an empty category goes: removing one must never take its items with it unnoticed. */
export function removeCategory(menu: Menu, id: string): Result<Menu> {
  const items = menu.items.filter((i) => i.categoryId === id).length;
  if (items > 0) return fail('not_empty', `Move or remove its ${items} item${items === 1 ? '' : 's'} first.`);
  return ok({ ...menu, categories: menu.categories.filter((c) => c.id !== id) });
}

export function addItem(menu: Menu, categoryId: string, name: string, id: string = freshId('item')): Menu {
  const item: MenuItem = { id, categoryId, name, description: '', price: 0, modifierGroups: [] };
  return { ...menu, items: [...menu.items, item] };
}

export function changeItem(menu: Menu, id: string, change: (item: MenuItem) => MenuItem): Menu {
  return { ...menu, items: menu.items.map((i) => (i.id === id ? change(i) : i)) };
}

/** Within its category: the order customers see. */
export function moveItem(menu: Menu, id: string, by: -1 | 1): Menu {
  const item = menu.items.find((i) => i.id === id);
  if (!item) return menu;
  const peers = menu.items.map((i, index) => ({ i, index })).filter(({ i }) => i.categoryId === item.categoryId);
  const at = peers.findIndex(({ i }) => i.id === id);
  const other = peers[at + by];
  const self = peers[at];
  if (!other || !self) return menu;
  const items = [...menu.items];
  items[self.index] = other.i;
  items[other.index] = self.i;
  return { ...menu, items };
}

export function removeItem(menu: Menu, id: string): Menu {
  return { ...menu, items: menu.items.filter((i) => i.id !== id) };
}

export function addGroup(item: MenuItem, name: string): MenuItem {
  const group: ModifierGroup = {
    id: freshId('group'),
    name,
    min: 0,
    max: 1,
    options: [{ id: freshId('opt'), name: 'Option 1', price: 0 }],
  };
  return { ...item, modifierGroups: [...item.modifierGroups, group] };
}

export function changeGroup(item: MenuItem, id: string, change: (group: ModifierGroup) => ModifierGroup): MenuItem {
  return { ...item, modifierGroups: item.modifierGroups.map((g) => (g.id === id ? change(g) : g)) };
}

export function removeGroup(item: MenuItem, id: string): MenuItem {
  return { ...item, modifierGroups: item.modifierGroups.filter((g) => g.id !== id) };
}

export function addOption(group: ModifierGroup, name: string): ModifierGroup {
  return { ...group, options: [...group.options, { id: freshId('opt'), name, price: 0 }] };
}

export function changeOption(group: ModifierGroup, id: string, change: Partial<Omit<ModifierOption, 'id'>>): ModifierGroup {
  return { ...group, options: group.options.map((o) => (o.id === id ? { ...o, ...change } : o)) };
}

/** A group keeps at least one option (the schema's rule); remove the group instead. */
export function removeOption(group: ModifierGroup, id: string): Result<ModifierGroup> {
  if (group.options.length <= 1) return fail('last_option', `"${group.name}" needs at least one option; remove the group instead.`);
  const options = group.options.filter((o) => o.id !== id);
  return ok({ ...group, options, min: Math.min(group.min, options.length) });
}
