import type * as Y from 'yjs';
import type { EventId, OrderId, OutletId, UserId } from './ids';

/**
 * `inbox:admin` also holds Y.Map('alerts'): what an admin should look at now, written only by the
 * server. Keyed so one problem is one alert however often it is seen: `outlet_offline:<outletId>`,
 * `order_unanswered:<orderId>`, `cash_mismatch:<driverId>:<handed entry id>`. An alert stays (with
 * `resolvedAt`) for a while after the problem ended.
 */
export const ALERTS_MAP = 'alerts';

export type AdminAlertKind = 'outlet_offline' | 'order_unanswered' | 'cash_mismatch';

export interface AdminAlert {
  readonly kind: AdminAlertKind;
  /** The outlet concerned; null for a cash handover to the office. */
  readonly outletId: OutletId | null;
  readonly orderId: OrderId | null;
  /** The driver concerned (cash_mismatch only). */
  readonly driverId?: UserId | undefined;
  /** What an admin reads, e.g. "Demo Kitchen's tablets are offline with 2 orders waiting; ordering is paused." */
  readonly message: string;
  /** When the problem began: the server clock (the outlet went offline, the order was placed), or the handover's device time. */
  readonly since: number;
  /** Server clock: when the alert was raised. */
  readonly raisedAt: number;
  readonly resolvedAt: number | null;
}

export const alertKey = (kind: AdminAlertKind, id: string): string => `${kind}:${id}`;

/** One handover whose two sides disagree: the driver's ledger and their side's entry (a recount keeps its id). */
export const cashMismatchKey = (driverId: UserId, handedId: EventId): string => alertKey('cash_mismatch', `${driverId}:${handedId}`);

export const adminAlertsMap = (doc: Y.Doc): Y.Map<AdminAlert> => doc.getMap<AdminAlert>(ALERTS_MAP);
