import { UNSYNCED_REPORT_SETTLE_MS } from '../../../shared/api/unsyncedReport';
import type { BackoffPolicy } from './backoff';
import { RetryLoop, type PassResult } from './retryLoop';

/** How sending a report went: `refused` is the server's considered no (an older server), not sent again. */
export type ReportOutcome = 'delivered' | 'retry' | 'refused';

export interface UnsyncedReporterOptions {
  /** When (device time) the oldest change the server has not acknowledged was made; null when none. */
  readonly oldestUnsyncedAt: () => Promise<number | null>;
  readonly send: (oldestAgeMs: number | null) => Promise<ReportOutcome>;
  readonly now?: () => number;
  readonly settleMs?: number;
  readonly backoff?: BackoffPolicy;
  readonly random?: () => number;
}

/**
 * Keeps the server told how old this device's oldest unsynced change is, which only the device knows.
 * Each sync socket says it as it connects (`connectAge` goes in its URL). While connected, the oldest
 * change that has waited `settleMs` is reported when it is not what the server was told: a change
 * acknowledged within moments costs nothing, one the server keeps refusing for now, or that a flapping
 * link never delivers, is reported within seconds. Offline nothing is sent; the next socket says it.
 */
export class UnsyncedReporter {
  /** What the store said at the last look; undefined before the first. */
  private known: number | null | undefined = undefined;
  /** The value (device time) the server was last told, over a socket's URL or a report; undefined: never. */
  private told: number | null | undefined = undefined;
  private dialledWith: number | null | undefined = undefined;
  private online = false;
  private stopped = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly loop: RetryLoop;

  constructor(private readonly o: UnsyncedReporterOptions) {
    this.loop = new RetryLoop({
      pass: () => this.pass(),
      name: 'unsynced change report',
      ...(o.backoff ? { backoff: o.backoff } : {}),
      ...(o.random ? { random: o.random } : {}),
    });
  }

  /** Reads the store once, so that the first socket can say it. */
  async start(): Promise<void> {
    this.known = await this.o.oldestUnsyncedAt();
  }

  /** The age for the URL of a socket about to be dialled: null when nothing waits, undefined before the first look. */
  connectAge(): number | null | undefined {
    this.dialledWith = this.known;
    return this.known === undefined || this.known === null ? this.known : Math.max(0, this.now() - this.known);
  }

  /** The socket opened, having said what it was dialled with, or it closed. */
  connection(online: boolean): void {
    if (online && !this.online) this.told = this.dialledWith;
    this.online = online;
    if (online) this.changed();
  }

  /** Something in the store changed: look again once a change made now would have settled. */
  changed(): void {
    this.lookIn(this.settleMs);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.loop.stop();
  }

  private get settleMs(): number {
    return this.o.settleMs ?? UNSYNCED_REPORT_SETTLE_MS;
  }

  private now(): number {
    return (this.o.now ?? Date.now)();
  }

  private lookIn(ms: number): void {
    if (this.timer !== null || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.loop.kick();
    }, ms);
  }

  private async pass(): Promise<PassResult> {
    const known = await this.o.oldestUnsyncedAt();
    this.known = known;
    const waited = known === null ? 0 : this.now() - known;
    // Younger than the settle time, it is most likely on its way: look again when it would have settled.
    // One stamped in the future (the clock was set back since) cannot be timed: it counts as settled.
    const settled = known !== null && waited >= 0 && waited < this.settleMs ? null : known;
    if (settled !== known) this.lookIn(this.settleMs - waited);
    if (!this.online || settled === this.told) return 'idle';
    const outcome = await this.o.send(settled === null ? null : Math.max(0, this.now() - settled));
    if (outcome === 'retry') return 'retry';
    this.told = settled;
    return 'idle';
  }
}
