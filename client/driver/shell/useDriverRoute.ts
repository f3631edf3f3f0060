import { useCallback, useSyncExternalStore } from 'react';

/** The driver app's two places: the home screen (offers, jobs, shift) and one job. The hash survives reloads offline. */
export type DriverRoute = { readonly screen: 'home' } | { readonly screen: 'job'; readonly orderId: string };

const HOME: DriverRoute = { screen: 'home' };

export function parseRoute(hash: string): DriverRoute {
  const [, screen, id] = hash.replace(/^#/, '').split('/');
  return screen === 'job' && id ? { screen: 'job', orderId: decodeURIComponent(id) } : HOME;
}

export const jobHref = (orderId: string): string => `#/job/${encodeURIComponent(orderId)}`;
export const HOME_HREF = '#/';

const subscribe = (listener: () => void): (() => void) => {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
};

let cached: { hash: string; route: DriverRoute } | null = null;
const snapshot = (): DriverRoute => {
  const hash = window.location.hash;
  if (cached?.hash !== hash) cached = { hash, route: parseRoute(hash) };
  return cached.route;
};

export function useDriverRoute(): [DriverRoute, (href: string) => void] {
  const route = useSyncExternalStore(subscribe, snapshot);
  const go = useCallback((href: string) => {
    window.location.hash = href;
  }, []);
  return [route, go];
}
