import type { RateLimiter } from './rateLimit';

export type LookupOutcome<T> =
  | { readonly kind: 'found'; readonly value: T }
  | { readonly kind: 'missing' }
  | { readonly kind: 'refused'; readonly retryAfterMs: number };

/**
 * Looks up something whose name is its credential (a tracking token) on a budget of misses per
 * subject. Once the budget is spent nothing is looked up for the subject until the window passes, so a
 * hit and a miss look the same; misses are counted atomically, so a concurrent burst of guesses,
 * spread over nodes or not, gets no more answers than the budget.
 */
export async function lookUpSecret<T>(
  misses: RateLimiter,
  subject: string,
  find: () => T | null | Promise<T | null>,
): Promise<LookupOutcome<T>> {
  const before = await misses.check(subject);
  if (!before.allowed) return { kind: 'refused', retryAfterMs: before.retryAfterMs };
  const value = await find();
  if (value !== null) return { kind: 'found', value };
  const counted = await misses.take(subject);
  return counted.allowed ? { kind: 'missing' } : { kind: 'refused', retryAfterMs: counted.retryAfterMs };
}
