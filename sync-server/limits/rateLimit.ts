import { tooManyRequests } from '../errors';

/** A fixed-window counter per key, in memory (per node; Redis takes this over with presence). */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one use of `key` and throws 429 once it is over its budget for the window. */
  hit(key: string, now = Date.now()): void {
    this.record(key, now);
    this.assertUnder(key, now, 1);
  }

  /** Throws 429 if `key` has already used its whole budget (without counting this call). */
  assertUnder(key: string, now = Date.now(), slack = 0): void {
    const w = this.current(key, now);
    if (w && w.count > this.limit - 1 + slack) {
      const seconds = Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000));
      throw tooManyRequests(`Too many attempts; try again in ${seconds} s.`, seconds);
    }
  }

  /** Counts one use of `key`; false once it is over its budget for the window (for callers that cannot throw). */
  allow(key: string, now = Date.now()): boolean {
    this.record(key, now);
    return (this.current(key, now)?.count ?? 0) <= this.limit;
  }

  /** Whether `key` has used its whole budget for the window (without counting this call). */
  spent(key: string, now = Date.now()): boolean {
    return (this.current(key, now)?.count ?? 0) >= this.limit;
  }

  record(key: string, now = Date.now()): void {
    const w = this.current(key, now);
    if (w) {
      w.count += 1;
      return;
    }
    if (this.windows.size > 10_000) this.sweep(now);
    this.windows.set(key, { start: now, count: 1 });
  }

  /** Takes back one counted use of `key` (an attempt that turned out to be legitimate). */
  refund(key: string, now = Date.now()): void {
    const w = this.current(key, now);
    if (w && w.count > 0) w.count -= 1;
  }

  private current(key: string, now: number): { start: number; count: number } | null {
    const w = this.windows.get(key);
    return w && now - w.start < this.windowMs ? w : null;
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(key);
  }
}
