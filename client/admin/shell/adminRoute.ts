import { useCallback } from 'react';
import { useHashRoute } from '../../common/ui/useHashRoute';

/**
 * The admin app's places, kept in the hash (`#/<screen>/<param>`) so a reload, offline too, opens
 * the same one. A screen is added here and in the route table (routeTable.tsx), nowhere else.
 */
export const SCREEN_IDS = ['live', 'dispatch', 'map', 'outlets', 'people', 'numbers', 'platform', 'webhooks', 'order'] as const;
export type ScreenId = (typeof SCREEN_IDS)[number];

export interface AdminRoute {
  readonly screen: ScreenId;
  /** What the screen shows, when it shows one thing (an order id, a driver id). */
  readonly param: string | null;
}

export const HOME_SCREEN: ScreenId = 'live';

export function parseAdminRoute(hash: string): AdminRoute {
  const [, screen, param] = hash.replace(/^#/, '').split('/');
  const known = SCREEN_IDS.find((s) => s === screen);
  return { screen: known ?? HOME_SCREEN, param: known && param ? decodeURIComponent(param) : null };
}

export const hrefOf = (screen: ScreenId, param: string | null = null): string =>
  `#/${screen}${param ? `/${encodeURIComponent(param)}` : ''}`;

export function useAdminRoute(): [AdminRoute, (screen: ScreenId, param?: string | null) => void] {
  const [route, goHref] = useHashRoute(parseAdminRoute);
  const go = useCallback((screen: ScreenId, param: string | null = null) => goHref(hrefOf(screen, param)), [goHref]);
  return [route, go];
}
