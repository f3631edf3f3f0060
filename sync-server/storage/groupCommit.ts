import type { Kysely } from 'kysely';
import type { Database } from './sql/schema';

/** One write of a group: its statements, run in the group's transaction under a savepoint of its own. */
export type GroupWork = (trx: Kysely<Database>) => Promise<void>;

interface Queued {
  readonly work: GroupWork;
  resolve(): void;
  reject(err: unknown): void;
}

/**
 * Writes that arrive in the same turn of the event loop commit together, in one SQLite transaction:
 * a commit writes every page it touched to the WAL, so one commit per device update (its head, log
 * and outbox pages, again and again) was the largest SQL cost of a busy node (bench:sync profile).
 * Each write runs under its own savepoint: one that fails (a lost race, a refused outbox row) is rolled
 * back and rejected alone. Every write resolves only after the shared COMMIT, so nothing is acknowledged
 * or relayed before it is durable; if the COMMIT (or the transaction) fails, every write of the group
 * rejects and nothing of it was stored.
 */
export class GroupCommit {
  private queue: Queued[] = [];
  private scheduled = false;
  /** Groups committed and the writes in them, for metrics and tests. */
  readonly stats = { groups: 0, writes: 0 };

  constructor(private readonly db: Kysely<Database>) {}

  run(work: GroupWork): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ work, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const group = this.queue;
    this.queue = [];
    const only = group.length === 1 ? group[0] : undefined;
    if (only) {
      try {
        await this.db.transaction().execute(only.work);
      } catch (err: unknown) {
        only.reject(err);
        return;
      }
      this.counted(1);
      only.resolve();
      return;
    }
    const refused = new Map<Queued, unknown>();
    const trx = await this.db
      .startTransaction()
      .execute()
      .catch((err: unknown) => {
        for (const q of group) q.reject(err);
        return null;
      });
    if (!trx) return;
    try {
      for (const [i, q] of group.entries()) {
        const name = `write${i}`;
        const savepoint = await trx.savepoint(name).execute();
        try {
          await q.work(savepoint);
          await savepoint.releaseSavepoint(name).execute();
        } catch (err: unknown) {
          refused.set(q, err);
          await savepoint.rollbackToSavepoint(name).execute();
        }
      }
      await trx.commit().execute();
    } catch (err: unknown) {
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
      for (const q of group) q.reject(err);
      return;
    }
    this.counted(group.length);
    for (const q of group) {
      if (refused.has(q)) q.reject(refused.get(q));
      else q.resolve();
    }
  }

  private counted(writes: number): void {
    this.stats.groups += 1;
    this.stats.writes += writes;
  }
}
