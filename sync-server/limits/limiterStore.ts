/** One budget a use is counted against: at most `limit` uses of `key` per fixed window of `windowMs`. */
export interface Claim {
  readonly key: string;
  readonly limit: number;
  /** The window starts with the first use counted in it, and the count starts again after it. */
  readonly windowMs: number;
}

export type Verdict = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

export const ALLOWED: Verdict = { allowed: true };

/**
 * Where rate-limit counts live: this process's memory, or Redis so every node counts the same uses.
 * Each call is atomic over all its claims, so a concurrent burst, spread over nodes or not, is judged
 * as a whole.
 */
export interface LimiterStore {
  /** Counts one use against every claim if each is under its limit; otherwise counts none and says when the first full one frees up. */
  take(claims: readonly Claim[]): Promise<Verdict>;
  /** What `take` would answer now, counting nothing. */
  check(claims: readonly Claim[]): Promise<Verdict>;
  /** Takes back one counted use of each key still in its window (an attempt that turned out to be legitimate). */
  refund(keys: readonly string[]): Promise<void>;
  /** 'degraded' while counts that should be shared are kept by this node alone (Redis away). */
  status(): 'ok' | 'degraded';
  close(): Promise<void>;
}
