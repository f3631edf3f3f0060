import type * as Y from 'yjs';
import type { OrderId, OutletId } from './ids';

/**
 * `inbox:admin` also holds Y.Map('alerts'): what an admin should look at now, written only by the
 * server. Keyed so one problem is one alert however often it is seen: `outlet_offline:<outletId>`,
 * `order_unanswered:<orderId>`. An alert stays (with `resolvedAt`) for a while after the problem ended.
 */
export const ALERTS_MAP = 'alerts';

export type AdminAlertKind = 'outlet_offline' | 'order_unanswered';

export interface AdminAlert {
  readonly kind: AdminAlertKind;
  readonly outletId: OutletId;
  readonly orderId: OrderId | null;
  /** What an admin reads, e.g. "Demo Kitchen's tablets are offline with 2 orders waiting; ordering is paused." */
  readonly message: string;
  /** Server clock: when the problem began (the outlet went offline, the order was placed). */
  readonly since: number;
  /** Server clock: when the alert was raised. */
  readonly raisedAt: number;
  readonly resolvedAt: number | null;
}

export const alertKey = (kind: AdminAlertKind, id: string): string => `${kind}:${id}`;

export const adminAlertsMap = (doc: Y.Doc): Y.Map<AdminAlert> => doc.getMap<AdminAlert>(ALERTS_MAP);
