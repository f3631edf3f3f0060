import { useCallback, useSyncExternalStore } from 'react';

/** The outlet app's screens. The hash keeps the place across reloads and works offline under the service worker. */
export const SCREENS = ['board', 'availability', 'phone', 'history'] as const;
export type Screen = (typeof SCREENS)[number];

export interface Route {
  readonly screen: Screen;
  /** A phone-order entry being corrected (`#/phone/<key>`). */
  readonly param: string | null;
}

function parse(hash: string): Route {
  const [, screen, param] = hash.replace(/^#/, '').split('/');
  const known = SCREENS.find((s) => s === screen);
  return { screen: known ?? 'board', param: known && param ? decodeURIComponent(param) : null };
}

const subscribe = (listener: () => void): (() => void) => {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
};

let cached: { hash: string; route: Route } | null = null;
const snapshot = (): Route => {
  const hash = window.location.hash;
  if (cached?.hash !== hash) cached = { hash, route: parse(hash) };
  return cached.route;
};

export const hrefOf = (screen: Screen, param: string | null = null): string => `#/${screen}${param ? `/${encodeURIComponent(param)}` : ''}`;

export function useHashRoute(): [Route, (screen: Screen, param?: string | null) => void] {
  const route = useSyncExternalStore(subscribe, snapshot);
  const go = useCallback((screen: Screen, param: string | null = null) => {
    window.location.hash = hrefOf(screen, param);
  }, []);
  return [route, go];
}
