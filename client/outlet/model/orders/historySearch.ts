import type { RemoteOrder } from '../../../common/api/orderSearch';
import type { OrderRow } from '../../../common/store/db';

/** History rows: what the device holds, and what only the server knows (older, or from another device). */
export type HistoryEntry =
  { readonly source: 'device'; readonly row: OrderRow } | { readonly source: 'server'; readonly order: RemoteOrder };

/** One list, newest first: the device's copy of an order wins (it carries this device's unsynced changes). */
export function mergeHistory(local: readonly OrderRow[], remote: readonly RemoteOrder[]): HistoryEntry[] {
  const held = new Set(local.map((r) => r.id));
  const entries: HistoryEntry[] = [
    ...local.map((row) => ({ source: 'device' as const, row })),
    ...remote.filter((o) => !held.has(o.id)).map((order) => ({ source: 'server' as const, order })),
  ];
  const placedAt = (e: HistoryEntry): number => (e.source === 'device' ? e.row.placedAt : e.order.createdAt);
  return entries.sort((a, b) => placedAt(b) - placedAt(a));
}

export const HISTORY_RANGES = ['today', 'yesterday', 'week', 'month', 'all'] as const;
export type HistoryRange = (typeof HISTORY_RANGES)[number];

const DAY = 24 * 60 * 60_000;

/** [from, to) of a range on this device's calendar; `today` is local midnight. */
export function rangeBounds(range: HistoryRange, today: number): { readonly from: number | null; readonly to: number | null } {
  switch (range) {
    case 'today':
      return { from: today, to: null };
    case 'yesterday':
      return { from: today - DAY, to: today };
    case 'week':
      return { from: today - 6 * DAY, to: null };
    case 'month':
      return { from: today - 29 * DAY, to: null };
    case 'all':
      return { from: null, to: null };
  }
}
