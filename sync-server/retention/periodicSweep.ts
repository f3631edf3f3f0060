import type { Clock } from '../clock';
import type { Logger } from '../log';

export interface PeriodicSweepOptions {
  readonly clock: Clock;
  readonly log: Logger;
  readonly everyMs: number;
  /** Names the sweep in the log line of a failed run. */
  readonly what: string;
}

/**
 * Runs `sweepOnce` at `start` and then every `everyMs` on the clock, one run at a time. A failed run
 * is logged and the next one still comes; `close` waits for a run in progress.
 */
export abstract class PeriodicSweep {
  private cancel: (() => void) | null = null;
  private running: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly periodic: PeriodicSweepOptions) {}

  protected abstract sweepOnce(): Promise<void>;

  protected get isClosed(): boolean {
    return this.closed;
  }

  start(): void {
    this.schedule(0);
  }

  /** One run, after any run in progress; resolves when it is done. */
  sweep(): Promise<void> {
    this.running = this.running
      .then(() => this.sweepOnce())
      .catch((err: unknown) => {
        this.periodic.log.error(`${this.periodic.what} failed`, { error: String(err) });
      });
    return this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.cancel?.();
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.closed) return;
    this.cancel = this.periodic.clock.after(ms, () => {
      void this.sweep().then(() => this.schedule(this.periodic.everyMs));
    });
  }
}
