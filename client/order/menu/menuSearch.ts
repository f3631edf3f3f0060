import type { MenuItem } from '../api/catalogApi';

/** Lower case without accents, so "creme" finds "crême" and "DOSA" finds "Dosa". */
const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The items a search shows: every word typed must appear in the item's name or description, in
 * any order ("dosa masala" finds "Masala Dosa"). An empty search shows everything.
 */
export function searchItems(items: readonly MenuItem[], query: string): readonly MenuItem[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return items;
  return items.filter((item) => {
    const text = fold(`${item.name} ${item.description}`);
    return words.every((w) => text.includes(w));
  });
}
