import { useEffect, useState } from 'react';
import { parseReorder, withoutReorder } from '../../common/orders/reorderLink';
import type { MenuItem } from '../api/catalogApi';
import type { CartStore } from './cartStore';
import { reorderableLines } from './reorder';

/**
 * Puts the lines of an "Order again" link (from a tracking page) in the cart once, then takes them out of
 * the address bar so a reload or a bookmark does not add them again. Gives how many lines the menu could
 * no longer take (0 when none were left out or there was no such link).
 */
export function useReorder(store: CartStore, items: readonly MenuItem[]): number {
  const [left, setLeft] = useState(0);
  useEffect(() => {
    const { search, pathname, hash } = window.location;
    const asked = parseReorder(search);
    if (!asked) return;
    const { lines, left: missing } = reorderableLines(asked, items);
    for (const line of lines) store.add(line.itemId, line.modifiers, line.qty);
    window.history.replaceState(window.history.state, '', `${pathname}${withoutReorder(search)}${hash}`);
    setLeft(missing);
  }, [store, items]);
  return left;
}
