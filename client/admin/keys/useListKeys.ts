import { useEffect, type RefObject } from 'react';
import { isPlainKey } from './plainKey';

/**
 * j / k move through a list by focusing its items' links (`[data-list-item]`), so Enter opens the one
 * chosen, screen readers follow along, and Tab still works as ever. `/` focuses the list's search box.
 */
export function useListKeys(list: RefObject<HTMLElement | null>, search: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!isPlainKey(event) || !list.current) return;
      if (event.key === '/' && search.current) {
        event.preventDefault();
        search.current.focus();
        return;
      }
      if (event.key !== 'j' && event.key !== 'k') return;
      const items = [...list.current.querySelectorAll<HTMLElement>('[data-list-item]')];
      if (items.length === 0) return;
      event.preventDefault();
      const at = items.findIndex((item) => item === document.activeElement);
      const next = at === -1 ? 0 : Math.min(items.length - 1, Math.max(0, at + (event.key === 'j' ? 1 : -1)));
      items[next]?.focus();
      items[next]?.scrollIntoView({ block: 'nearest' });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [list, search]);
}
