import type { Menu, MenuItem, OutletProfile } from './menu';

/**
 * What the schemas cannot say about a menu or a profile. The admin app's editor checks with these
 * before it writes, and the server checks every write to an outlet document with the same functions,
 * so an edit the editor lets through is one the server accepts.
 */

function firstRepeat(ids: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return null;
}

/**
 * A modifier group a customer can satisfy: at least `min` options exist and `min` ≤ `max`. Option
 * ids are unique in the item, and never an item's id, because availability is keyed by either.
 */
function itemProblem(item: MenuItem, itemIds: ReadonlySet<string>): string | null {
  const group = firstRepeat(item.modifierGroups.map((g) => g.id));
  if (group !== null) return `${item.name}: modifier group id "${group}" is used twice.`;
  const option = firstRepeat(item.modifierGroups.flatMap((g) => g.options.map((o) => o.id)));
  if (option !== null) return `${item.name}: option id "${option}" is used twice.`;
  for (const g of item.modifierGroups) {
    if (g.min > g.max) return `${item.name}: "${g.name}" asks for at least ${g.min} but at most ${g.max}.`;
    if (g.min > g.options.length)
      return `${item.name}: "${g.name}" asks for at least ${g.min} but has ${g.options.length} option${g.options.length === 1 ? '' : 's'}.`;
    const clash = g.options.find((o) => itemIds.has(o.id));
    if (clash) return `${item.name}: option id "${clash.id}" is also an item's id.`;
  }
  return null;
}

/** Ids are unique, every item is in a category that exists, and every modifier group can be satisfied. */
export function menuProblem(menu: Menu): string | null {
  const category = firstRepeat(menu.categories.map((c) => c.id));
  if (category !== null) return `category id "${category}" is used twice.`;
  const item = firstRepeat(menu.items.map((i) => i.id));
  if (item !== null) return `item id "${item}" is used twice.`;
  const categories = new Set(menu.categories.map((c) => c.id));
  const itemIds = new Set(menu.items.map((i) => i.id));
  for (const i of menu.items) {
    if (!categories.has(i.categoryId)) return `${i.name} is in category "${i.categoryId}", which the menu does not have.`;
    const problem = itemProblem(i, itemIds);
    if (problem) return problem;
  }
  return null;
}

/** Zone ids are unique and closures end after they start. */
export function profileProblem(profile: OutletProfile): string | null {
  const zone = firstRepeat(profile.zones.map((z) => z.id));
  if (zone !== null) return `zone id "${zone}" is used twice.`;
  const closure = profile.closures.find((c) => c.until <= c.from);
  return closure ? `a closure${closure.reason ? ` (${closure.reason})` : ''} must end after it starts.` : null;
}
