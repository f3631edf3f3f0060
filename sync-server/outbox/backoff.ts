export interface RetryPolicy {
  /** POSTs per delivery, the first included, before it is dead-lettered. */
  readonly maxAttempts: number;
  /** The wait after the first failure; each further one doubles, up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/**
 * The wait after failed attempt number `attempts` (1 = the first POST failed), or null when that was the
 * last one allowed. Exponential with "equal jitter": half fixed, half random, so deliveries that failed
 * together (a receiver that was down) do not all come back at once, and none comes back sooner than half.
 */
export function retryDelayMs(attempts: number, policy: RetryPolicy, random: () => number = Math.random): number | null {
  if (attempts >= policy.maxAttempts) return null;
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempts - 1));
  return Math.round(backoff / 2 + (random() * backoff) / 2);
}
