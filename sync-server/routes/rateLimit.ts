import { AppError } from '../errors';

/** A fixed-window counter per key, in memory (per node; Redis takes this over with presence). */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly limit: number, private readonly windowMs: number) {}

  /** Throws 429 once `key` has used its budget for the current window. */
  hit(key: string, now = Date.now()): void {
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.sweep(now);
      this.windows.set(key, { start: now, count: 1 });
      return;
    }
    w.count += 1;
    if (w.count > this.limit) {
      throw new AppError(429, 'rate_limited', `Too many attempts; try again in ${Math.ceil((w.start + this.windowMs - now) / 1000)} s.`);
    }
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(key);
  }
}
