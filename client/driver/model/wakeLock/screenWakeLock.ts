/** The parts of the Screen Wake Lock API this uses, so tests can stand in for the browser. */
export interface WakeLockSentinelLike {
  readonly released: boolean;
  release(): Promise<void>;
  addEventListener(type: 'release', listener: () => void): void;
}

export interface WakeLockLike {
  request(type: 'screen'): Promise<WakeLockSentinelLike>;
}

export interface PageVisibility {
  readonly visibilityState: DocumentVisibilityState;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

/**
 * Keeps the phone's screen on while wanted (a driver on a job glances at it on a mount, hands busy).
 * The browser drops the lock whenever the page is hidden, so it is asked again each time the page
 * comes back. Without the API, or when the browser says no (battery saver), the screen just sleeps
 * as usual: nothing to tell the driver about.
 */
export class ScreenWakeLock {
  private wanted = false;
  private sentinel: WakeLockSentinelLike | null = null;
  private requesting = false;
  private readonly onVisibility = (): void => void this.acquire();

  constructor(
    private readonly wakeLock: WakeLockLike | null,
    private readonly page: PageVisibility,
  ) {
    page.addEventListener('visibilitychange', this.onVisibility);
  }

  /** Whether the lock is held right now. */
  get held(): boolean {
    return this.sentinel !== null && !this.sentinel.released;
  }

  setWanted(wanted: boolean): void {
    this.wanted = wanted;
    if (wanted) void this.acquire();
    else void this.drop();
  }

  dispose(): void {
    this.page.removeEventListener('visibilitychange', this.onVisibility);
    this.setWanted(false);
  }

  private async acquire(): Promise<void> {
    if (!this.wakeLock || !this.wanted || this.held || this.requesting || this.page.visibilityState !== 'visible') return;
    this.requesting = true;
    try {
      const sentinel = await this.wakeLock.request('screen');
      sentinel.addEventListener('release', () => {
        if (this.sentinel === sentinel) this.sentinel = null;
      });
      this.sentinel = sentinel;
    } catch {
      // Refused (battery saver, page hidden meanwhile): the next visibility change tries again.
    } finally {
      this.requesting = false;
    }
    // The job may have ended while the browser was asked.
    if (!this.stillWanted()) await this.drop();
  }

  /** Read afresh after an await: setWanted may have run meanwhile. */
  private stillWanted(): boolean {
    return this.wanted;
  }

  private async drop(): Promise<void> {
    const sentinel = this.sentinel;
    this.sentinel = null;
    if (sentinel && !sentinel.released) await sentinel.release().catch(() => undefined);
  }
}
