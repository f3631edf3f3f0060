import { backoffDelay, type BackoffPolicy } from './backoff';

/**
 * What one pass of an outbox did. `idle`: nothing is left that could be sent now (sleep until kicked).
 * `again`: it sent something and more is waiting. `retry`: the server could not be reached or was
 * busy; look again after a backoff.
 */
export type PassResult = 'idle' | 'again' | 'retry';

export interface RetryLoopOptions {
  readonly pass: () => Promise<PassResult>;
  readonly backoff?: BackoffPolicy;
  readonly random?: () => number;
  /** What a failed pass is logged as. */
  readonly name: string;
}

/** Slower than the socket's: these are single requests, and a phone in a dead zone should not spin. */
export const OUTBOX_LOOP_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 60_000 };

/**
 * Runs an outbox's passes one at a time: at once when kicked (something was added, the network came
 * back), again while there is more, and after a growing, jittered pause while the server cannot be
 * reached. The rows to send live in IndexedDB, so stopping loses nothing: the next start sends them.
 */
export class RetryLoop {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private failures = 0;

  constructor(private readonly options: RetryLoopOptions) {}

  /** Runs a pass now, or right after the one in progress. Resolves when the loop is waiting again. */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.again = true;
    this.running ??= this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private async loop(): Promise<void> {
    this.clearTimer();
    while (this.again && !this.stopped) {
      this.again = false;
      let result: PassResult;
      try {
        result = await this.options.pass();
      } catch (error) {
        console.error(`dabba: the ${this.options.name} failed a pass`, error);
        result = 'retry';
      }
      if (result === 'again') {
        this.failures = 0;
        this.again = true;
      } else if (result === 'idle') {
        this.failures = 0;
      } else if (!this.againRequested()) {
        this.schedule(backoffDelay(this.failures, this.options.backoff ?? OUTBOX_LOOP_BACKOFF, this.options.random));
        this.failures += 1;
      }
    }
  }

  private schedule(ms: number): void {
    this.clearTimer();
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.kick();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * Read through a method: `again` is set by calls made while a pass awaits, which the compiler's
   * narrowing (from the `again = false` at the top of the loop) cannot see.
   */
  private againRequested(): boolean {
    return this.again;
  }
}
