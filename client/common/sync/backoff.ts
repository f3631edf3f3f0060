/** How long to wait between reconnect attempts. */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
}

/**
 * Capped at 15 s: a kitchen tablet back on the network should be in sync within seconds,
 * and a few devices per outlet are no thundering herd.
 */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 15_000 };

/**
 * Exponential backoff with "equal jitter": half of the ceiling is fixed so a retry never fires at
 * once, the other half is random so devices dropped together do not return together.
 * `attempt` counts failures since the last stable connection, from 0.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exponent = Math.max(0, Math.floor(attempt));
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  const jitter = Math.min(1, Math.max(0, random()));
  return Math.round(ceiling / 2 + (ceiling / 2) * jitter);
}

/** Devices closed together by a draining node reconnect within this, spread evenly over it. */
export const HANDOFF_SPREAD_MS = 1_000;

/**
 * The wait before reconnecting after a node closed the socket to drain: short whatever the backoff had
 * climbed to (another node is ready), and "full jitter" so one node's devices do not arrive at once.
 */
export function handoffDelay(random: () => number = Math.random): number {
  return Math.round(HANDOFF_SPREAD_MS * Math.min(1, Math.max(0, random())));
}
