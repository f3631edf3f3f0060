import type { Platform } from '../../../../shared/api/adminPlatform';

/** What changed between two readings of the same node: counters only mean something as differences. */
export interface PlatformRates {
  /** Seconds between the readings (server clock). */
  readonly seconds: number;
  readonly requests: number;
  /** 4xx and 5xx answers as a share of the requests between the readings; null when there were none. */
  readonly clientErrorShare: number | null;
  readonly serverErrorShare: number | null;
  readonly wakeUpsSent: number;
  readonly wakeUpsFailed: number;
  readonly commits: number;
}

/**
 * The rates between `before` and `now`; null when there is no earlier reading of the same node run (a
 * restart or another node behind the balancer starts its counters again).
 */
export function platformRates(before: Platform | null, now: Platform): PlatformRates | null {
  if (!before || before.node !== now.node || before.startedAt !== now.startedAt || now.at <= before.at) return null;
  const requests = now.http.requests - before.http.requests;
  const share = (count: number) => (requests <= 0 ? null : count / requests);
  return {
    seconds: (now.at - before.at) / 1000,
    requests,
    clientErrorShare: share(now.http.clientErrors - before.http.clientErrors),
    serverErrorShare: share(now.http.serverErrors - before.http.serverErrors),
    wakeUpsSent: now.wakeUps.sent - before.wakeUps.sent,
    wakeUpsFailed: now.wakeUps.failed - before.wakeUps.failed,
    commits: now.commits.count - before.commits.count,
  };
}

/**
 * The commit latency under which at least `share` of commits finished, from the cumulative buckets:
 * the bucket's bound, so "at most" that; null with no commits, or when the slowest bucket is too small.
 */
export function commitLatencyUnder(commits: Platform['commits'], share: number): number | null {
  if (commits.count === 0) return null;
  const bucket = [...commits.buckets].sort((a, b) => a.leMs - b.leMs).find((b) => b.count >= commits.count * share);
  return bucket && Number.isFinite(bucket.leMs) ? bucket.leMs : null;
}
