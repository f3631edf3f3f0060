import { describe, expect, it } from 'vitest';
import { chartConfig } from '../../../../../../client/admin/model/numbers/chartConfig';
import { statsCharts, type ChartSpec } from '../../../../../../client/admin/model/numbers/statsCharts';
import type { StatsResponse, StatsSummary } from '../../../../../../shared/api/adminStats';
import { OutletIdSchema, UserIdSchema } from '../../../../../../shared/ids';

const HOUR = 3_600_000;
const FROM = Date.UTC(2026, 11, 5);

const summary = (over: Partial<StatsSummary>): StatsSummary => ({
  orders: 0,
  completed: 0,
  rejected: 0,
  cancelled: 0,
  failed: 0,
  open: 0,
  late: 0,
  lateShare: null,
  timeToAccept: { count: 0, avgMs: null },
  prep: { count: 0, avgMs: null, promisedAvgMs: null, late: 0 },
  delivery: { count: 0, avgMs: null },
  total: { count: 0, avgMs: null },
  sales: [],
  ...over,
});

const KITCHEN = summary({
  orders: 4,
  completed: 3,
  rejected: 1,
  late: 1,
  lateShare: 1 / 3,
  timeToAccept: { count: 3, avgMs: 90_000 },
  prep: { count: 3, avgMs: 15 * 60_000, promisedAvgMs: 12 * 60_000, late: 1 },
  delivery: { count: 2, avgMs: 21 * 60_000 + 30_000 },
});

const STATS: StatsResponse = {
  from: FROM,
  to: FROM + 2 * HOUR,
  bucket: 'hour',
  timeZone: 'UTC',
  totals: KITCHEN,
  series: [
    { start: FROM, orders: 3, completed: 2, rejected: 1, cancelled: 0, late: 1 },
    { start: FROM + HOUR, orders: 1, completed: 1, rejected: 0, cancelled: 0, late: 0 },
  ],
  hourOfDay: Array.from({ length: 24 }, (_, hour) => ({ hour, orders: 0 })),
  reasons: {
    rejected: { items: [{ reason: 'Out of paneer', count: 1 }], other: 0 },
    cancelled: { items: [], other: 2 },
    failed: { items: [], other: 0 },
  },
  byOutlet: [{ ...KITCHEN, outletId: OutletIdSchema.parse('kitchen'), name: 'Kitchen', timeZone: 'UTC' }],
  byDriver: [
    {
      driverId: UserIdSchema.parse('ravi'),
      name: 'Ravi',
      orders: 2,
      delivered: 2,
      failed: 0,
      late: 1,
      delivery: { count: 2, avgMs: 20 * 60_000 },
      cashCollected: [],
    },
  ],
};

const chart = (id: string): ChartSpec => {
  const found = statsCharts(STATS).find((c) => c.id === id);
  if (!found) throw new Error(`no chart ${id}`);
  return found;
};
const column = (spec: ChartSpec, label: string) => spec.series.find((s) => s.label === label)?.data;

describe('statsCharts', () => {
  it('charts the orders of every bucket, labelled by the hour in the stats’ time zone', () => {
    const spec = chart('orders-over-time');
    expect(spec.title).toBe('Orders per hour');
    expect(spec.labels).toEqual(['00:00', '01:00']);
    expect(column(spec, 'Placed')).toEqual([3, 1]);
    expect(column(spec, 'Late')).toEqual([1, 0]);
    expect(column(spec, 'Rejected or cancelled')).toEqual([1, 0]);
  });

  it('gives average times in minutes to one decimal, with prep beside what was promised', () => {
    const spec = chart('timings');
    expect(spec.labels).toEqual(['All outlets', 'Kitchen']);
    expect(column(spec, 'Time to accept')).toEqual([1.5, 1.5]);
    expect(column(spec, 'Prep')).toEqual([15, 15]);
    expect(column(spec, 'Prep promised')).toEqual([12, 12]);
    expect(column(spec, 'Delivery')).toEqual([21.5, 21.5]);
  });

  it('shows late as a percentage of completed orders, and reasons with the rest counted as other', () => {
    expect(column(chart('late-share'), 'Late %')).toEqual([33.3, 33.3]);
    const reasons = chart('end-reasons');
    expect(reasons.labels).toEqual(['Rejected: Out of paneer', 'Cancelled: other reasons']);
    expect(column(reasons, 'Orders')).toEqual([1, 2]);
  });

  it('lists drivers with their deliveries and average delivery time', () => {
    const spec = chart('per-driver');
    expect(spec.labels).toEqual(['Ravi']);
    expect(column(spec, 'Delivered')).toEqual([2]);
    expect(column(chart('driver-times'), 'Picked up to delivered, average')).toEqual([20]);
  });
});

describe('chartConfig', () => {
  it('turns animation off for people who ask for reduced motion, and draws the same numbers as the table', () => {
    const spec = chart('orders-over-time');
    const calm = chartConfig(spec, true);
    expect(calm.options?.animation).toBe(false);
    expect(chartConfig(spec, false).options?.animation).not.toBe(false);
    expect(calm.type).toBe('line');
    expect(calm.data.labels).toEqual(spec.labels);
    expect(calm.data.datasets.map((d) => d.data)).toEqual(spec.series.map((s) => s.data));
  });
});
