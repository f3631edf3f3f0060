import type * as Y from 'yjs';
import type { OrderStatus, OrderType } from './order/status';

/**
 * `track:<token>`: the public projection of one order, written only by the server.
 * It carries nothing a customer may not see: no ids, no phone numbers but the outlet's.
 */
export const TRACK_MAP = 'track';

export interface TrackView {
  readonly status: OrderStatus;
  readonly orderType: OrderType;
  readonly outletName: string;
  readonly outletPhone: string;
  readonly placedAt: number;
  readonly readyBy: number | null;
  readonly timeline: readonly { readonly type: string; readonly at: number }[];
  readonly items: readonly { readonly name: string; readonly qty: number }[];
  readonly total: number;
  readonly currency: string;
}

export const trackMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(TRACK_MAP);

export function readTrack(doc: Y.Doc): TrackView | null {
  const value = trackMap(doc).get('view');
  return value && typeof value === 'object' ? (value as TrackView) : null;
}
