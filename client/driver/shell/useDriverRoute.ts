import { OrderIdSchema, type OrderId } from '../../../shared/ids';
import { useHashRoute } from '../../common/ui/useHashRoute';

/** The driver app's two places: the home screen (offers, jobs, shift) and one job. The hash survives reloads offline. */
export type DriverRoute = { readonly screen: 'home' } | { readonly screen: 'job'; readonly orderId: OrderId };

const HOME: DriverRoute = { screen: 'home' };

export function parseRoute(hash: string): DriverRoute {
  const [, screen, id] = hash.replace(/^#/, '').split('/');
  if (screen !== 'job' || !id) return HOME;
  // A hash is typed or pasted: one that names no possible order shows the home screen.
  const orderId = OrderIdSchema.safeParse(decodeURIComponent(id));
  return orderId.success ? { screen: 'job', orderId: orderId.data } : HOME;
}

export const jobHref = (orderId: string): string => `#/job/${encodeURIComponent(orderId)}`;
export const HOME_HREF = '#/';

export function useDriverRoute(): [DriverRoute, (href: string) => void] {
  return useHashRoute(parseRoute);
}
