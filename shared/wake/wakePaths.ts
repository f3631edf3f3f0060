import type { OrderId, TrackingToken } from '../ids';

/**
 * Where a tap on a wake-up's notification opens (its `open`): same-origin paths the apps route
 * (client/outlet/shell/useOutletRoute.ts, client/driver/shell/useDriverRoute.ts, the tracking page).
 * Kept here so the server that writes them and the apps that read them agree.
 */
export const outletOrderPath = (orderId: OrderId): string => `/outlet/#/board/${encodeURIComponent(orderId)}`;
export const driverJobPath = (orderId: OrderId): string => `/driver/#/job/${encodeURIComponent(orderId)}`;
/** The driver app's home screen: offers, jobs and shift. */
export const DRIVER_HOME_PATH = '/driver/#/';
export const trackPagePath = (token: TrackingToken): string => `/track/${token}`;
