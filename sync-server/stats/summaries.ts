import type { Amount } from '../../shared/api/adminUsers';
import type { DurationStat, StatsSummary } from '../../shared/api/adminStats';
import type { Aggregate } from '../storage/orderStats';

const mean = (sum: number, n: number): number | null => (n > 0 ? Math.round(sum / n) : null);
/** How many orders had a duration and its mean, from their count and sum. */
export const duration = (n: number, sum: number): DurationStat => ({ count: n, avgMs: mean(sum, n) });

/** Amounts per currency, largest first, with each currency once. */
export function byCurrency(rows: Iterable<{ readonly currency: string | null; readonly amount: number }>): Amount[] {
  const sums = new Map<string, number>();
  for (const r of rows) if (r.currency !== null) sums.set(r.currency, (sums.get(r.currency) ?? 0) + r.amount);
  return [...sums]
    .map(([currency, amount]) => ({ currency, amount }))
    .sort((a, b) => b.amount - a.amount || (a.currency < b.currency ? -1 : 1));
}

/** What the admin app charts of a set of orders (definitions in shared/api/adminStats.ts). */
export function summarize(a: Aggregate, sales: Amount[]): StatsSummary {
  return {
    orders: a.orders,
    completed: a.completed,
    rejected: a.rejected,
    cancelled: a.cancelled,
    failed: a.failed,
    open: a.open,
    late: a.late,
    lateShare: a.completed > 0 ? a.late / a.completed : null,
    timeToAccept: duration(a.acceptN, a.acceptSum),
    prep: { ...duration(a.prepN, a.prepSum), promisedAvgMs: mean(a.prepPromisedSum, a.prepN), late: a.prepLate },
    delivery: duration(a.deliveryN, a.deliverySum),
    total: duration(a.totalN, a.totalSum),
    sales,
  };
}
