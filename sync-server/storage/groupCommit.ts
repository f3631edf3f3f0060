import type { Kysely } from 'kysely';
import type { Db } from './db';
import { sqliteHandleOf, statementOn } from './sql/handle';
import { writeGateOf, type WriteGate } from './sql/writeGate';
import type { Database } from './sql/schema';

/** One write of a group: its statements, run in the group's transaction under a savepoint of its own. */
export type GroupWork = (trx: Kysely<Database>) => Promise<void>;

/**
 * The same write as statements on SQLite's handle, run at once (no promise per statement): what a
 * device's update writes (head, log, claims, outbox) has one, and commits without the query builder.
 */
export type HandleWork = (raw: Db) => void;

interface Queued {
  readonly work: GroupWork;
  readonly onHandle: HandleWork | undefined;
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
 *
 * Writes with a HandleWork commit in one synchronous transaction on the handle (through Kysely each
 * statement cost about as much again as SQLite took to run it). Only while no transaction is open on
 * the handle: a Kysely transaction that awaits something else spans turns, and statements run on the
 * handle then would land inside it; those writes wait for it through Kysely instead.
 */
export class GroupCommit {
  private queue: Queued[] = [];
  private scheduled = false;
  private readonly raw: Db | null;
  /** Held by the handle's WAL checkpointer for a moment each round (see WriteGate). */
  private readonly gate: WriteGate | null;
  /** Groups committed and the writes in them, for metrics and tests. */
  readonly stats = { groups: 0, writes: 0, onHandle: 0 };

  constructor(private readonly db: Kysely<Database>) {
    this.raw = sqliteHandleOf(db);
    this.gate = this.raw ? writeGateOf(this.raw) : null;
  }

  run(work: GroupWork, onHandle?: HandleWork): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ work, onHandle, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    // Writes arriving while the checkpointer holds the gate join this queue and commit with it after.
    const held = this.gate?.closed;
    if (held) await held;
    this.scheduled = false;
    const group = this.queue;
    this.queue = [];
    const raw = this.raw;
    if (raw && !raw.inTransaction) {
      const onHandle = group.filter((q) => q.onHandle !== undefined);
      if (onHandle.length > 0) this.commitOnHandle(raw, onHandle);
      const rest = group.filter((q) => q.onHandle === undefined);
      if (rest.length > 0) await this.commitThroughKysely(rest);
      return;
    }
    await this.commitThroughKysely(group);
  }

  private commitOnHandle(raw: Db, group: readonly Queued[]): void {
    const only = group.length === 1 ? group[0] : undefined;
    if (only) {
      this.commitOneOnHandle(raw, only);
      return;
    }
    const refused = new Map<Queued, unknown>();
    try {
      statementOn(raw, 'BEGIN IMMEDIATE').run([]);
      for (const q of group) {
        statementOn(raw, 'SAVEPOINT write').run([]);
        try {
          q.onHandle?.(raw);
          statementOn(raw, 'RELEASE write').run([]);
        } catch (err: unknown) {
          refused.set(q, err);
          // Fails, and fails the group, if SQLite rolled the whole transaction back itself (a full disk).
          statementOn(raw, 'ROLLBACK TO write').run([]);
          statementOn(raw, 'RELEASE write').run([]);
        }
      }
      statementOn(raw, 'COMMIT').run([]);
    } catch (err: unknown) {
      rollBackQuietly(raw);
      for (const q of group) q.reject(err);
      return;
    }
    this.committed(group, refused, true);
  }

  /**
   * A group of one (most groups below a few hundred updates a second) needs no savepoint: its
   * transaction is rolled back if it fails, two statements fewer per commit.
   */
  private commitOneOnHandle(raw: Db, q: Queued): void {
    try {
      statementOn(raw, 'BEGIN IMMEDIATE').run([]);
      q.onHandle?.(raw);
      statementOn(raw, 'COMMIT').run([]);
    } catch (err: unknown) {
      rollBackQuietly(raw);
      q.reject(err);
      return;
    }
    this.committed([q], new Map(), true);
  }

  private async commitThroughKysely(group: readonly Queued[]): Promise<void> {
    const only = group.length === 1 ? group[0] : undefined;
    if (only) {
      try {
        await this.db.transaction().execute(only.work);
      } catch (err: unknown) {
        only.reject(err);
        return;
      }
      this.committed([only], new Map(), false);
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
    this.committed(group, refused, false);
  }

  /** After the COMMIT: each write resolves, or rejects with what refused it under its savepoint. */
  private committed(group: readonly Queued[], refused: ReadonlyMap<Queued, unknown>, onHandle: boolean): void {
    this.stats.groups += 1;
    this.stats.writes += group.length;
    if (onHandle) this.stats.onHandle += group.length;
    for (const q of group) {
      if (refused.has(q)) q.reject(refused.get(q));
      else q.resolve();
    }
  }
}

/** Rolls back what is still open after a failure; the error that caused the failure is the one to report. */
function rollBackQuietly(raw: Db): void {
  if (!raw.inTransaction) return;
  try {
    statementOn(raw, 'ROLLBACK').run([]);
  } catch {
    // Reported by the caller: the failure that got here.
  }
}
