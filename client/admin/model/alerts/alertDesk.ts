import { z } from 'zod';
import type { DabbaDb } from '../../../common/store/db';
import { readMetaJson, writeMetaJson } from '../store/metaJson';
import type { Problem } from './problems';

const marksSchema = z.object({ seen: z.record(z.string(), z.number()), dismissed: z.record(z.string(), z.number()) });
type Marks = z.infer<typeof marksSchema>;

const META_KEY = 'admin:alerts';
/** Marks older than this are forgotten: a problem key names one order or outlet incident, which is over by then. */
const KEPT_MS = 2 * 24 * 3_600_000;

/**
 * Which problems this device has already raised and which the admin dismissed, kept on the device so
 * a reload neither raises the day's problems again nor brings back what someone cleared.
 */
export class AlertDesk {
  private marks: Marks = { seen: {}, dismissed: {} };
  private readonly listeners = new Set<() => void>();

  private constructor(private readonly db: DabbaDb) {}

  static async open(db: DabbaDb, now: number = Date.now()): Promise<AlertDesk> {
    const desk = new AlertDesk(db);
    const stored = await readMetaJson(db, META_KEY, marksSchema);
    if (stored) desk.marks = { seen: recent(stored.seen, now), dismissed: recent(stored.dismissed, now) };
    return desk;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes whenever a problem is dismissed; screens filter with `isDismissed`. */
  readonly getSnapshot = (): Marks => this.marks;

  isDismissed(key: string): boolean {
    return key in this.marks.dismissed;
  }

  /** The problems never raised on this device before, which are now marked raised. */
  raise(problems: readonly Problem[], now: number = Date.now()): Problem[] {
    const fresh = problems.filter((p) => !(p.key in this.marks.seen) && !this.isDismissed(p.key));
    if (fresh.length === 0) return [];
    this.marks = { ...this.marks, seen: { ...this.marks.seen, ...Object.fromEntries(fresh.map((p) => [p.key, now])) } };
    this.save();
    return fresh;
  }

  dismiss(key: string, now: number = Date.now()): void {
    this.marks = { ...this.marks, dismissed: { ...this.marks.dismissed, [key]: now } };
    this.save();
    for (const listener of this.listeners) listener();
  }

  private save(): void {
    writeMetaJson(this.db, META_KEY, this.marks).catch((error: unknown) => console.error('dabba: could not keep the alert marks', error));
  }
}

function recent(marks: Readonly<Record<string, number>>, now: number): Record<string, number> {
  return Object.fromEntries(Object.entries(marks).filter(([, at]) => now - at < KEPT_MS));
}
