import { FactList } from '../../figures/FactList';
import type { Platform } from '../../../../shared/api/adminPlatform';
import { commitLatencyUnder, type PlatformRates } from '../../model/platform/platformRates';

const pct = (share: number | null): string => (share === null ? 'no requests' : `${Math.round(share * 1000) / 10}%`);
const ms = (value: number | null): string => (value === null ? '—' : `${Math.round(value * 10) / 10} ms`);

/** The node's numbers, since it started and, where a rate means more, over the last few seconds. */
export function HealthFigures({ platform, rates }: { readonly platform: Platform; readonly rates: PlatformRates | null }) {
  const p95 = commitLatencyUnder(platform.commits, 0.95);
  const recent = rates ? `last ${Math.round(rates.seconds)} s` : null;
  const facts: readonly [string, string][] = [
    ['Documents loaded', String(platform.documentsLoaded)],
    ['Dispatch queue', `${platform.dispatchQueue} waiting for a driver`],
    ['Commits', `${platform.commits.count} since start${rates ? ` (${rates.commits} in the ${recent})` : ''}`],
    ['Commit latency', `average ${ms(platform.commits.avgMs)}${p95 === null ? '' : `, 95% within ${p95} ms`}`],
    ['Wake-ups sent', `${platform.wakeUps.sent} since start${rates ? ` (${rates.wakeUpsSent} in the ${recent})` : ''}`],
    ['Wake-ups failed', `${platform.wakeUps.failed} since start${rates ? ` (${rates.wakeUpsFailed} in the ${recent})` : ''}`],
    ['HTTP requests', `${platform.http.requests} since start${rates ? ` (${rates.requests} in the ${recent})` : ''}`],
    [
      'HTTP 4xx',
      `${platform.http.clientErrors} since start (${pct(platform.http.requests ? platform.http.clientErrors / platform.http.requests : null)})${rates ? `; ${pct(rates.clientErrorShare)} in the ${recent}` : ''}`,
    ],
    [
      'HTTP 5xx',
      `${platform.http.serverErrors} since start (${pct(platform.http.requests ? platform.http.serverErrors / platform.http.requests : null)})${rates ? `; ${pct(rates.serverErrorShare)} in the ${recent}` : ''}`,
    ],
  ];
  return <FactList label="Server figures" facts={facts} className="platform-figures" />;
}
