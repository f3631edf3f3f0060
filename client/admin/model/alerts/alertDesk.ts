import { z } from 'zod';
import type { DabbaDb } from '../../../common/store/db';
import { readMetaJson, writeMetaJson } from '../store/metaJson';
import { SnapshotSource } from '../store/snapshotSource';
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
export class AlertDesk extends SnapshotSource<Marks> {
  private constructor(private readonly db: DabbaDb) {
    super({ seen: {}, dismissed: {} });
  }

  static async open(db: DabbaDb, now: number = Date.now()): Promise<AlertDesk> {
    const desk = new AlertDesk(db);
    const stored = await readMetaJson(db, META_KEY, marksSchema);
    if (stored) desk.publish({ seen: recent(stored.seen, now), dismissed: recent(stored.dismissed, now) });
    return desk;
  }

  isDismissed(key: string): boolean {
    return key in this.getSnapshot().dismissed;
  }

  /** The problems never raised on this device before, which are now marked raised. */
  raise(problems: readonly Problem[], now: number = Date.now()): Problem[] {
    const marks = this.getSnapshot();
    const fresh = problems.filter((p) => !(p.key in marks.seen) && !this.isDismissed(p.key));
    if (fresh.length === 0) return [];
    this.publish({ ...marks, seen: { ...marks.seen, ...Object.fromEntries(fresh.map((p) => [p.key, now])) } });
    this.save();
    return fresh;
  }

  dismiss(key: string, now: number = Date.now()): void {
    const marks = this.getSnapshot();
    this.publish({ ...marks, dismissed: { ...marks.dismissed, [key]: now } });
    this.save();
  }

  private save(): void {
    writeMetaJson(this.db, META_KEY, this.getSnapshot()).catch((error: unknown) =>
      console.error('dabba: could not keep the alert marks', error),
    );
  }
}

function recent(marks: Readonly<Record<string, number>>, now: number): Record<string, number> {
  return Object.fromEntries(Object.entries(marks).filter(([, at]) => now - at < KEPT_MS));
}
