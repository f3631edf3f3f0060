import { useCallback, useMemo, useSyncExternalStore } from 'react';

/**
 * The app's place, kept in the URL hash: it survives reloads and needs nothing from the network
 * under the service worker. Each app brings its own route type and parser.
 */
const subscribe = (listener: () => void): (() => void) => {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
};

/**
 * `parse` should be a module-level function: a new one per render would reparse every time.
 * Returns the current route and a function that moves to an href (`#/...`).
 */
export function useHashRoute<R>(parse: (hash: string) => R): [R, (href: string) => void] {
  // useSyncExternalStore compares snapshots by identity, so one hash must give one route object.
  const snapshot = useMemo(() => {
    let cached: { hash: string; route: R } | null = null;
    return (): R => {
      const hash = window.location.hash;
      if (cached?.hash !== hash) cached = { hash, route: parse(hash) };
      return cached.route;
    };
  }, [parse]);
  const route = useSyncExternalStore(subscribe, snapshot);
  const go = useCallback((href: string) => {
    window.location.hash = href;
  }, []);
  return [route, go];
}
