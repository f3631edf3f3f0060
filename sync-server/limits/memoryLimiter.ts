import { ALLOWED, type Claim, type LimiterStore, type Verdict } from './limiterStore';

interface Window {
  readonly start: number;
  readonly windowMs: number;
  count: number;
}

/** Keys held before expired windows are swept out. */
const SWEEP_ABOVE = 10_000;

/** Fixed windows per key in this process's memory: the store of a single node, and a Redis store's fallback. */
export class MemoryLimiterStore implements LimiterStore {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly now: () => number = Date.now) {}

  take(claims: readonly Claim[]): Promise<Verdict> {
    const now = this.now();
    const verdict = this.verdict(claims, now);
    if (verdict.allowed) for (const claim of claims) this.count(claim, now);
    return Promise.resolve(verdict);
  }

  check(claims: readonly Claim[]): Promise<Verdict> {
    return Promise.resolve(this.verdict(claims, this.now()));
  }

  refund(keys: readonly string[]): Promise<void> {
    const now = this.now();
    for (const key of keys) {
      const w = this.current(key, now);
      if (w && w.count > 0) w.count -= 1;
    }
    return Promise.resolve();
  }

  status(): 'ok' {
    return 'ok';
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private verdict(claims: readonly Claim[], now: number): Verdict {
    for (const claim of claims) {
      const w = this.current(claim.key, now);
      if (w && w.count >= claim.limit) return { allowed: false, retryAfterMs: w.start + w.windowMs - now };
    }
    return ALLOWED;
  }

  private count(claim: Claim, now: number): void {
    const w = this.current(claim.key, now);
    if (w) {
      w.count += 1;
      return;
    }
    if (this.windows.size > SWEEP_ABOVE) this.sweep(now);
    this.windows.set(claim.key, { start: now, windowMs: claim.windowMs, count: 1 });
  }

  private current(key: string, now: number): Window | null {
    const w = this.windows.get(key);
    return w && now - w.start < w.windowMs ? w : null;
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (now - w.start >= w.windowMs) this.windows.delete(key);
  }
}
