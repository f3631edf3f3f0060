import { useHashRoute } from '../../common/ui/useHashRoute';

/** The driver app's two places: the home screen (offers, jobs, shift) and one job. The hash survives reloads offline. */
export type DriverRoute = { readonly screen: 'home' } | { readonly screen: 'job'; readonly orderId: string };

const HOME: DriverRoute = { screen: 'home' };

export function parseRoute(hash: string): DriverRoute {
  const [, screen, id] = hash.replace(/^#/, '').split('/');
  return screen === 'job' && id ? { screen: 'job', orderId: decodeURIComponent(id) } : HOME;
}

export const jobHref = (orderId: string): string => `#/job/${encodeURIComponent(orderId)}`;
export const HOME_HREF = '#/';

export function useDriverRoute(): [DriverRoute, (href: string) => void] {
  return useHashRoute(parseRoute);
}
