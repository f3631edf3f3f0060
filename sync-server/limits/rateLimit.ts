import { tooManyRequests, type AppError } from '../errors';
import type { Claim, LimiterStore, Verdict } from './limiterStore';

/** The 429 of a use refused for `retryAfterMs`, with a Retry-After in whole seconds. */
export function tooManyAttempts(retryAfterMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return tooManyRequests(`Too many attempts; try again in ${seconds} s.`, seconds);
}

/**
 * One kind of budget (orders per client address, say): at most `limit` uses per subject per fixed
 * window, counted in a store under the budget's own name, so several budgets can share a store.
 */
export class RateLimiter {
  constructor(
    private readonly store: LimiterStore,
    private readonly name: string,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  claim(subject: string): Claim {
    return { key: `${this.name}:${subject}`, limit: this.limit, windowMs: this.windowMs };
  }

  /** Counts one use of `subject` if its budget allows; a refused use is not counted. */
  take(subject: string): Promise<Verdict> {
    return this.store.take([this.claim(subject)]);
  }

  /** Whether `subject` may use its budget now, counting nothing. */
  check(subject: string): Promise<Verdict> {
    return this.store.check([this.claim(subject)]);
  }

  /** Counts one use of `subject`; throws 429 (with Retry-After) once its budget for the window is spent. */
  async hit(subject: string): Promise<void> {
    const verdict = await this.take(subject);
    if (!verdict.allowed) throw tooManyAttempts(verdict.retryAfterMs);
  }
}
