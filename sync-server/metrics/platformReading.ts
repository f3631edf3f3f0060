import type { Platform } from '../../shared/api/adminPlatform';
import type { MetricSources, ServerMetrics } from './serverMetrics';

/**
 * `GET /api/admin/platform`: the numbers of `/metrics` as the admin app reads them. Devices are counted
 * across every node (presence), the rest are this node's since it started.
 */
export async function readPlatform(metrics: ServerMetrics, sources: MetricSources, startedAt: number, now: number): Promise<Platform> {
  const devices = new Map<string, Platform['devices'][number]>();
  for (const d of await sources.presenceDevices()) {
    const key = `${d.role}/${d.app}`;
    devices.set(key, { role: d.role, app: d.app, count: (devices.get(key)?.count ?? 0) + 1 });
  }

  const commitValues = (await metrics.commits.get()).values;
  const sumOf = (suffix: string): number =>
    commitValues.filter((v) => v.metricName === `dabba_commit_duration_seconds_${suffix}`).reduce((sum, v) => sum + v.value, 0);
  const buckets = new Map<number, number>();
  for (const v of commitValues) {
    // The le label is the histogram's own, so it is not among the labels the metric was declared with.
    const le = Object.entries(v.labels).find(([name]) => name === 'le')?.[1];
    if (v.metricName !== 'dabba_commit_duration_seconds_bucket' || typeof le !== 'number') continue;
    buckets.set(le, (buckets.get(le) ?? 0) + v.value);
  }
  const count = sumOf('count');

  let requests = 0;
  let clientErrors = 0;
  let serverErrors = 0;
  for (const v of (await metrics.http.get()).values) {
    requests += v.value;
    const status = Number(v.labels.status);
    if (status >= 400 && status < 500) clientErrors += v.value;
    if (status >= 500) serverErrors += v.value;
  }
  const wake = (await metrics.wakeSends.get()).values;
  const { outlets } = await sources.outletBacklogs();

  return {
    at: now,
    startedAt,
    node: sources.node,
    presence: sources.presenceStatus(),
    limits: sources.limitsStatus(),
    devices: [...devices.values()].sort((a, b) => (a.role === b.role ? (a.app < b.app ? -1 : 1) : a.role < b.role ? -1 : 1)),
    documentsLoaded: sources.documentsLoaded(),
    dispatchQueue: await sources.dispatchQueue(),
    commits: {
      count,
      avgMs: count > 0 ? (sumOf('sum') / count) * 1000 : null,
      buckets: [...buckets].map(([le, n]) => ({ leMs: le * 1000, count: n })),
    },
    wakeUps: {
      sent: wake.filter((v) => v.labels.outcome === 'sent').reduce((sum, v) => sum + v.value, 0),
      failed: wake.filter((v) => v.labels.outcome !== 'sent').reduce((sum, v) => sum + v.value, 0),
    },
    http: { requests, clientErrors, serverErrors },
    outlets,
  };
}
