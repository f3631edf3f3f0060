import type { DocRef } from '../../shared/docNames';

/**
 * How long a tracking projection no page watches stays loaded. The server writes one per order when
 * its status changes, minutes apart, and a document kept `idleMs` after each write held as many tracking
 * documents in memory as orders had moved in that time (half of the loaded documents of a busy node);
 * loading one again costs a read of a short log.
 */
export const UNWATCHED_TRACK_IDLE_MS = 1_000;

/** One timer per document nothing holds: when it ends the document unloads, unless it was held again first. */
export class IdleTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly idleMs: number) {}

  /** Starts (again) the timer of document `name` for its kind's idle time; `ended` runs once it ends. */
  start(name: string, ref: DocRef, ended: () => void): void {
    this.cancel(name);
    const timer = setTimeout(() => {
      this.timers.delete(name);
      ended();
    }, this.idleMsOf(ref));
    timer.unref();
    this.timers.set(name, timer);
  }

  cancel(name: string): void {
    const timer = this.timers.get(name);
    if (timer) clearTimeout(timer);
    this.timers.delete(name);
  }

  private idleMsOf(ref: DocRef): number {
    return ref.kind === 'track' ? Math.min(this.idleMs, UNWATCHED_TRACK_IDLE_MS) : this.idleMs;
  }
}
