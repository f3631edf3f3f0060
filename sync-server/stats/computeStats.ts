import { HOURLY_UP_TO_DAYS, type StatsQuery, type StatsResponse } from '../../shared/api/adminStats';
import type { OutletId } from '../../shared/ids';
import { outletZone } from '../catalog/outletZone';
import type { OrderStats, StatsFilter } from '../storage/orderStats';
import type { OutletRepo } from '../storage/outletRepo';
import type { UserRepo } from '../storage/users';
import type { DocRegistry } from '../sync/docRegistry';
import { hourOfDayOf, seriesOf } from './series';
import { byCurrency, duration, summarize } from './summaries';

export interface StatsDeps {
  readonly stats: OrderStats;
  readonly outlets: OutletRepo;
  readonly users: UserRepo;
  readonly registry: DocRegistry;
}

const DAY = 24 * 3_600_000;
const REASONS_LISTED = 20;

function topReasons(rows: readonly { reason: string; n: number }[]): StatsResponse['reasons']['rejected'] {
  const items = rows.slice(0, REASONS_LISTED).map((r) => ({ reason: r.reason, count: r.n }));
  return { items, other: rows.slice(REASONS_LISTED).reduce((sum, r) => sum + r.n, 0) };
}

/** `GET /api/admin/stats`: a handful of aggregate queries over the order index, never the order documents. */
export async function computeStats(deps: StatsDeps, q: StatsQuery): Promise<StatsResponse> {
  const filter: StatsFilter = { from: q.from, to: q.to, outletId: q.outletId ?? null, driverId: q.driverId ?? null };
  const [totals, perOutlet, perDriver, blocks, sales, cash, reasons] = await deps.stats.snapshot((stats) =>
    Promise.all([
      stats.totals(filter),
      stats.byOutlet(filter),
      stats.byDriver(filter),
      stats.blocks(filter),
      stats.sales(filter),
      stats.cash(filter),
      stats.reasons(filter),
    ]),
  );
  const names = new Map((await deps.outlets.list()).map((o) => [o.id, o.name] as const));
  const people = new Map((await deps.users.list()).map((u) => [u.id, u.name] as const));
  const shown = new Set<OutletId>([...perOutlet.keys(), ...(q.outletId ? [q.outletId] : [])]);
  const zones = new Map<OutletId, string>();
  for (const id of shown) zones.set(id, await outletZone(deps.registry, id));
  const shared = new Set(zones.values());
  const timeZone = q.tz ?? (q.outletId ? zones.get(q.outletId) : undefined) ?? (shared.size === 1 ? [...shared][0] : undefined) ?? 'UTC';
  const bucket = q.bucket ?? (q.to - q.from <= HOURLY_UP_TO_DAYS * DAY ? 'hour' : 'day');

  const salesOf = (outletId: OutletId | null) => byCurrency(sales.filter((r) => outletId === null || r.key === outletId));
  return {
    from: q.from,
    to: q.to,
    bucket,
    timeZone,
    totals: summarize(totals, salesOf(null)),
    series: seriesOf(blocks, q.from, q.to, bucket, timeZone),
    hourOfDay: hourOfDayOf(blocks, (id) => zones.get(id) ?? 'UTC'),
    reasons: {
      rejected: topReasons(reasons.filter((r) => r.status === 'rejected')),
      cancelled: topReasons(reasons.filter((r) => r.status === 'cancelled')),
      failed: topReasons(reasons.filter((r) => r.status === 'failed')),
    },
    byOutlet: [...perOutlet]
      .map(([outletId, a]) => ({
        ...summarize(a, salesOf(outletId)),
        outletId,
        name: names.get(outletId) ?? outletId,
        timeZone: zones.get(outletId) ?? 'UTC',
      }))
      .sort((a, b) => b.orders - a.orders || a.name.localeCompare(b.name)),
    byDriver: [...perDriver]
      .map(([driverId, a]) => ({
        driverId,
        name: people.get(driverId) ?? driverId,
        orders: a.orders,
        delivered: a.completed,
        failed: a.failed,
        late: a.late,
        delivery: duration(a.deliveryN, a.deliverySum),
        cashCollected: byCurrency(cash.filter((r) => r.key === driverId)),
      }))
      .sort((a, b) => b.delivered - a.delivered || a.name.localeCompare(b.name)),
  };
}
