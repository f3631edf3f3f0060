import { lazy, type ComponentType } from 'react';
import { DispatchScreen } from '../screens/dispatch/DispatchScreen';
import { LiveScreen } from '../screens/live/LiveScreen';
import { OrderScreen } from '../screens/order/OrderScreen';
import { PeopleScreen } from '../screens/people/PeopleScreen';
import type { ScreenId } from './adminRoute';
import type { ScreenProps } from './screenProps';

export interface ScreenEntry {
  /** The screen's name in the nav and its heading. */
  readonly label: string;
  /** Listed in the nav; a screen reached from another (one order) is not. */
  readonly inNav: boolean;
  /** The key that opens it after `g` (g l: live operations), listed under `?`. */
  readonly key: string | null;
  /** A heavy screen (a map, charts) is a `lazy(() => import(…))` so it stays out of the first load. */
  readonly Screen: ComponentType<ScreenProps>;
}

/**
 * The admin app's screens, one folder each under screens/. The nav, the `g` shortcuts and the
 * shortcut list are built from this table, in its order.
 */
export const ROUTE_TABLE: { readonly [S in ScreenId]: ScreenEntry } = {
  live: { label: 'Live operations', inNav: true, key: 'l', Screen: LiveScreen },
  dispatch: { label: 'Dispatch', inNav: true, key: 'd', Screen: DispatchScreen },
  map: { label: 'Live map', inNav: true, key: 'm', Screen: lazy(() => import('../screens/map/MapScreen')) },
  outlets: { label: 'Outlets & menus', inNav: true, key: 'o', Screen: lazy(() => import('../screens/outlets/OutletsScreen')) },
  people: { label: 'People', inNav: true, key: 'p', Screen: PeopleScreen },
  numbers: { label: 'Numbers', inNav: true, key: 'n', Screen: lazy(() => import('../screens/numbers/NumbersScreen')) },
  platform: {
    label: 'Platform health',
    inNav: true,
    key: 'h',
    Screen: lazy(() => import('../screens/platform/PlatformScreen').then((m) => ({ default: m.PlatformScreen }))),
  },
  webhooks: { label: 'Webhooks', inNav: true, key: 'w', Screen: lazy(() => import('../screens/webhooks/WebhooksScreen')) },
  order: { label: 'Order', inNav: false, key: null, Screen: OrderScreen },
};
