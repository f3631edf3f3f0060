import type { ReorderLine } from '../../../shared/track';
import type { MenuItem } from '../api/catalogApi';
import { modifierProblems } from './cartRules';

/**
 * The lines of an "Order again" link the menu can still take: the item is on it and available, and its
 * choices are still valid options the item's rules allow. The rest is left out rather than put in a cart
 * the server would refuse; `left` counts them, so the page can say so.
 */
export function reorderableLines(
  lines: readonly ReorderLine[],
  items: readonly MenuItem[],
): { readonly lines: ReorderLine[]; readonly left: number } {
  const kept = lines.filter((line) => {
    const item = items.find((i) => i.id === line.itemId);
    if (!item?.available) return false;
    const offered = line.modifiers.every((m) =>
      item.modifierGroups.some((g) => g.id === m.groupId && g.options.some((o) => o.id === m.optionId && o.available)),
    );
    return offered && modifierProblems(item, line.modifiers).size === 0;
  });
  return { lines: kept, left: lines.length - kept.length };
}
