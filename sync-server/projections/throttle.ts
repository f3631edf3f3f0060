import type { Clock } from '../clock';

/**
 * At most one run per key every `intervalMs`: the first request runs at once, requests within the
 * interval collapse into one trailing run at its end, so the last request is never lost.
 */
export class Throttle<K> {
  private readonly lastRun = new Map<K, number>();
  private readonly trailing = new Map<K, () => void>();

  constructor(
    private readonly intervalMs: number,
    private readonly clock: Clock,
    private readonly fn: (key: K) => void,
  ) {}

  request(key: K): void {
    if (this.trailing.has(key)) return;
    const now = this.clock.now();
    const last = this.lastRun.get(key);
    if (last === undefined || now - last >= this.intervalMs) {
      this.fire(key, now);
      return;
    }
    this.trailing.set(
      key,
      this.clock.after(last + this.intervalMs - now, () => {
        this.trailing.delete(key);
        this.fire(key, this.clock.now());
      }),
    );
  }

  /** Drops pending runs (shutdown). */
  cancel(): void {
    for (const cancel of this.trailing.values()) cancel();
    this.trailing.clear();
  }

  private fire(key: K, now: number): void {
    // Keys whose interval has passed are forgotten, so the map holds only recently active keys.
    for (const [k, at] of this.lastRun) if (now - at >= this.intervalMs && !this.trailing.has(k)) this.lastRun.delete(k);
    this.lastRun.set(key, now);
    this.fn(key);
  }
}
