import { useCallback } from 'react';
import { useHashRoute } from '../../common/ui/useHashRoute';

/** The outlet app's screens. The hash keeps the place across reloads and works offline under the service worker. */
export const SCREENS = ['board', 'availability', 'phone', 'history', 'cash'] as const;
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

export const hrefOf = (screen: Screen, param: string | null = null): string => `#/${screen}${param ? `/${encodeURIComponent(param)}` : ''}`;

export function useOutletRoute(): [Route, (screen: Screen, param?: string | null) => void] {
  const [route, goHref] = useHashRoute(parse);
  const go = useCallback((screen: Screen, param: string | null = null) => goHref(hrefOf(screen, param)), [goHref]);
  return [route, go];
}
