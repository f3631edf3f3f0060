import type { DurationStat, StatsResponse } from '../../../../shared/api/adminStats';

export type ChartKind = 'line' | 'bar';

export interface ChartSeries {
  readonly label: string;
  readonly data: readonly number[];
}

/**
 * One chart as data: what Chart.js draws and what the table beside it lists, from the same numbers,
 * so the text alternative can never say something the picture does not.
 */
export interface ChartSpec {
  readonly id: string;
  readonly title: string;
  readonly kind: ChartKind;
  /** What each label is ("Hour", "Outlet"): the table's first column. */
  readonly rowsAre: string;
  /** What the value axis counts ("orders", "minutes", "%"). */
  readonly unit: string;
  readonly labels: readonly string[];
  readonly series: readonly ChartSeries[];
}

const minutes = (d: DurationStat | { readonly avgMs: number | null }): number => (d.avgMs === null ? 0 : Math.round(d.avgMs / 6_000) / 10);
const percent = (late: number, of: number): number => (of === 0 ? 0 : Math.round((late / of) * 1000) / 10);

/** A bucket's start as its label: the hour ("13:00", "Fri 13:00" over several days) for hourly series, the date ("5 Dec") for daily. */
export function bucketLabel(start: number, bucket: StatsResponse['bucket'], timeZone: string, withDay = false): string {
  const options: Intl.DateTimeFormatOptions =
    bucket === 'hour'
      ? { ...(withDay ? { weekday: 'short' } : {}), hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }
      : { day: 'numeric', month: 'short', timeZone };
  return new Intl.DateTimeFormat([], options).format(start);
}

function ordersOverTime(stats: StatsResponse): ChartSpec {
  const { series } = stats;
  const severalDays = stats.to - stats.from > 86_400_000;
  return {
    id: 'orders-over-time',
    title: stats.bucket === 'hour' ? 'Orders per hour' : 'Orders per day',
    kind: 'line',
    rowsAre: stats.bucket === 'hour' ? 'Hour' : 'Day',
    unit: 'orders',
    labels: series.map((p) => bucketLabel(p.start, stats.bucket, stats.timeZone, severalDays)),
    series: [
      { label: 'Placed', data: series.map((p) => p.orders) },
      { label: 'Completed', data: series.map((p) => p.completed) },
      { label: 'Late', data: series.map((p) => p.late) },
      { label: 'Rejected or cancelled', data: series.map((p) => p.rejected + p.cancelled) },
    ],
  };
}

function timings(stats: StatsResponse): ChartSpec {
  const { totals, byOutlet } = stats;
  const rows = [{ name: 'All outlets', ...totals }, ...byOutlet];
  return {
    id: 'timings',
    title: 'Average times (minutes)',
    kind: 'bar',
    rowsAre: 'Outlet',
    unit: 'minutes',
    labels: rows.map((r) => r.name),
    series: [
      { label: 'Time to accept', data: rows.map((r) => minutes(r.timeToAccept)) },
      { label: 'Prep', data: rows.map((r) => minutes(r.prep)) },
      { label: 'Prep promised', data: rows.map((r) => minutes({ avgMs: r.prep.promisedAvgMs })) },
      { label: 'Delivery', data: rows.map((r) => minutes(r.delivery)) },
    ],
  };
}

function lateShare(stats: StatsResponse): ChartSpec {
  const rows = [{ name: 'All outlets', ...stats.totals }, ...stats.byOutlet];
  return {
    id: 'late-share',
    title: 'Late, % of completed orders',
    kind: 'bar',
    rowsAre: 'Outlet',
    unit: '%',
    labels: rows.map((r) => r.name),
    series: [{ label: 'Late %', data: rows.map((r) => percent(r.late, r.completed)) }],
  };
}

function endReasons(stats: StatsResponse): ChartSpec {
  const kinds = [
    ['Rejected', stats.reasons.rejected],
    ['Cancelled', stats.reasons.cancelled],
    ['Failed', stats.reasons.failed],
  ] as const;
  const rows = kinds.flatMap(([kind, reasons]) => [
    ...reasons.items.map((r) => ({ label: `${kind}: ${r.reason}`, count: r.count })),
    ...(reasons.other > 0 ? [{ label: `${kind}: other reasons`, count: reasons.other }] : []),
  ]);
  return {
    id: 'end-reasons',
    title: 'Rejections, cancellations and failures by reason',
    kind: 'bar',
    rowsAre: 'Reason',
    unit: 'orders',
    labels: rows.map((r) => r.label),
    series: [{ label: 'Orders', data: rows.map((r) => r.count) }],
  };
}

function perOutlet(stats: StatsResponse): ChartSpec {
  const rows = stats.byOutlet;
  return {
    id: 'per-outlet',
    title: 'Orders per outlet',
    kind: 'bar',
    rowsAre: 'Outlet',
    unit: 'orders',
    labels: rows.map((r) => r.name),
    series: [
      { label: 'Placed', data: rows.map((r) => r.orders) },
      { label: 'Completed', data: rows.map((r) => r.completed) },
      { label: 'Late', data: rows.map((r) => r.late) },
      { label: 'Rejected', data: rows.map((r) => r.rejected) },
      { label: 'Cancelled', data: rows.map((r) => r.cancelled) },
    ],
  };
}

function perDriver(stats: StatsResponse): ChartSpec {
  const rows = stats.byDriver;
  return {
    id: 'per-driver',
    title: 'Deliveries per driver',
    kind: 'bar',
    rowsAre: 'Driver',
    unit: 'orders',
    labels: rows.map((r) => r.name),
    series: [
      { label: 'Assigned', data: rows.map((r) => r.orders) },
      { label: 'Delivered', data: rows.map((r) => r.delivered) },
      { label: 'Late', data: rows.map((r) => r.late) },
      { label: 'Failed', data: rows.map((r) => r.failed) },
    ],
  };
}

function driverTimes(stats: StatsResponse): ChartSpec {
  const rows = stats.byDriver;
  return {
    id: 'driver-times',
    title: 'Delivery time per driver (minutes)',
    kind: 'bar',
    rowsAre: 'Driver',
    unit: 'minutes',
    labels: rows.map((r) => r.name),
    series: [{ label: 'Picked up to delivered, average', data: rows.map((r) => minutes(r.delivery)) }],
  };
}

/** Every chart of the Numbers screen, in the order they are shown. */
export function statsCharts(stats: StatsResponse): readonly ChartSpec[] {
  return [
    ordersOverTime(stats),
    timings(stats),
    lateShare(stats),
    endReasons(stats),
    perOutlet(stats),
    perDriver(stats),
    driverTimes(stats),
  ];
}
