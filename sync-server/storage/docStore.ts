import type { Kysely } from 'kysely';
import type { Db } from './db';
import { moveHeadAndLog, moveHeadAndLogOnHandle } from './docHead';
import { GroupCommit, type HandleWork } from './groupCommit';
import { statementOn } from './sql/handle';
import { dialectOf } from './sql/dialect';
import type { Database } from './sql/schema';

/** Who writes under a Yjs client id: a user id, or the server itself. */
export type ClientOwner = string;
export const SERVER_OWNER: ClientOwner = '@server';

export interface ClientClaim {
  readonly client: number;
  readonly owner: ClientOwner;
}

/** What storage holds of a document past some seq: the snapshot when it is newer, then the log after it. */
export interface StoredSince {
  /** The merged state up to `snapshotSeq`; null when the asked-for seq is at or past the snapshot. */
  readonly snapshot: Uint8Array | null;
  readonly updates: readonly Uint8Array[];
  /** Highest seq stored for the doc (snapshot or log); the asked-for seq when nothing is newer. */
  readonly lastSeq: number;
}

export interface StoredDoc extends StoredSince {
  readonly owners: ReadonlyMap<number, ClientOwner>;
}

/**
 * Another writer got there first: the seq an append asked for is stored already (another node, or this
 * one before a restart), or a client id it claims was claimed meanwhile. Nothing was written; the writer
 * must read what it missed (`since`, `owners`) and try again on top of it.
 */
export class StaleWrite extends Error {
  constructor(
    readonly doc: string,
    readonly seq: number,
    cause: unknown,
  ) {
    super(`${doc} was written by someone else at or before seq ${seq}`, { cause });
    this.name = 'StaleWrite';
  }
}

/**
 * Rows written in the same transaction as an update, so that both commit or neither does. `onHandle`,
 * when there is one, writes the same rows as statements on SQLite's handle (see GroupCommit).
 */
export interface WrittenAlong {
  (trx: Kysely<Database>): Promise<void>;
  readonly onHandle?: HandleWork;
}

/** An error of a WrittenAlong, told apart from the append's own (which may mean StaleWrite). */
class AlongFailed extends Error {
  constructor(readonly reason: unknown) {
    super('a write made along with an update failed', { cause: reason });
  }
}

/** A unique-key refusal, in either dialect's words. */
function isUniqueViolation(err: unknown): boolean {
  if (!(err instanceof Error) || !('code' in err)) return false;
  return err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || err.code === 'SQLITE_CONSTRAINT_UNIQUE' || err.code === '23505';
}

const CLAIM_CLIENT = 'insert into "doc_clients" ("doc", "client", "owner") values (?, ?, ?)';

/** Which part of a `since` read a row is; the snapshot sorts first. */
const SNAPSHOT_PART = 0;
const LOG_PART = 1;
type Part = typeof SNAPSHOT_PART | typeof LOG_PART;

const bytes = (data: Uint8Array): Uint8Array => new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

/**
 * Durable Yjs state per document: a snapshot plus an append-only log of the updates since. When a
 * returned promise resolves, what it wrote is committed. The (doc, seq) primary key orders writers:
 * two appends of the same seq cannot both succeed, on any number of nodes.
 */
export class DocStore {
  /** SQLite: appends of one event-loop turn commit together (see GroupCommit); PostgreSQL commits each. */
  private readonly group: GroupCommit | null;

  constructor(private readonly db: Kysely<Database>) {
    this.group = dialectOf(db) === 'sqlite' ? new GroupCommit(db) : null;
  }

  /**
   * The log first, then the owners: every claim of a loaded update committed with it, so it is read. A
   * claim committed in between is read too, ahead of its update; the append that would act on it is
   * stale (its seq is taken) and catches up first.
   */
  async load(doc: string): Promise<StoredDoc> {
    const stored = await this.since(doc, 0);
    return { ...stored, owners: await this.owners(doc) };
  }

  /** The owner of every client id recorded for the doc. */
  async owners(doc: string): Promise<Map<number, ClientOwner>> {
    const rows = await this.db.selectFrom('doc_clients').select(['client', 'owner']).where('doc', '=', doc).execute();
    return new Map(rows.map((r) => [r.client, r.owner] as const));
  }

  /**
   * Everything stored after `seq`, read in one statement: the snapshot when it is newer, then the log
   * after the snapshot (or after `seq`). One statement reads one state of the database on both dialects,
   * so a compaction committing meanwhile cannot hide updates; a transaction would not do that on
   * PostgreSQL, where each statement of a READ COMMITTED transaction sees what committed before it.
   */
  async since(doc: string, seq: number): Promise<StoredSince> {
    const newerSnapshot = this.db.selectFrom('doc_snapshots').where('doc', '=', doc).where('seq', '>', seq);
    const rows = await newerSnapshot
      .select((eb) => [eb.lit(SNAPSHOT_PART).$castTo<Part>().as('part'), 'seq', 'data'])
      .unionAll((eb) =>
        eb
          .selectFrom('doc_updates')
          .select((s) => [s.lit(LOG_PART).$castTo<Part>().as('part'), 'seq', 'data'])
          .where('doc', '=', doc)
          .where((w) => w('seq', '>', w.fn.coalesce(newerSnapshot.select('seq').$asScalar(), w.val(seq)))),
      )
      .orderBy('part')
      .orderBy('seq')
      .execute();
    const snap = rows[0]?.part === SNAPSHOT_PART ? rows[0] : undefined;
    const updates = snap ? rows.slice(1) : rows;
    return {
      snapshot: snap ? bytes(snap.data) : null,
      updates: updates.map((r) => bytes(r.data)),
      lastSeq: updates.at(-1)?.seq ?? snap?.seq ?? seq,
    };
  }

  /**
   * Appends an update at `seq` and records the client ids it claims, all or nothing (one transaction, or
   * on PostgreSQL one statement when there is nothing but the update to write; on SQLite a savepoint in
   * the transaction of its event-loop turn's appends). Rejects with
   * StaleWrite when that seq, or one of those client ids, is taken. `along` commits with it, or neither
   * does; its own errors reject as they are.
   */
  async append(doc: string, seq: number, update: Uint8Array, claims: readonly ClientClaim[] = [], along?: WrittenAlong): Promise<void> {
    try {
      // The common append (no new client ids, nothing along) is one statement on PostgreSQL: a
      // transaction there costs a round trip per statement, and the pg client's socket writes were a
      // quarter of a node's busy time. A lone statement commits by itself, all of it or nothing.
      if (claims.length === 0 && !along && dialectOf(this.db) === 'postgres') {
        if (!(await moveHeadAndLog(this.db, doc, seq, update))) throw new StaleWrite(doc, seq, null);
        return;
      }
      const write = async (trx: Kysely<Database>): Promise<void> => {
        if (!(await moveHeadAndLog(trx, doc, seq, update))) throw new StaleWrite(doc, seq, null);
        if (claims.length > 0) {
          await trx
            .insertInto('doc_clients')
            .values(claims.map((c) => ({ doc, client: c.client, owner: c.owner })))
            .execute();
        }
        if (along) await along(trx).catch((err: unknown) => Promise.reject(new AlongFailed(err)));
      };
      const alongOnHandle = along?.onHandle;
      const onHandle =
        !along || alongOnHandle
          ? (raw: Db): void => {
              if (!moveHeadAndLogOnHandle(raw, doc, seq, update)) throw new StaleWrite(doc, seq, null);
              for (const c of claims) statementOn(raw, CLAIM_CLIENT).run([doc, c.client, c.owner]);
              try {
                alongOnHandle?.(raw);
              } catch (err: unknown) {
                throw new AlongFailed(err);
              }
            }
          : undefined;
      await (this.group ? this.group.run(write, onHandle) : this.db.transaction().execute(write));
    } catch (err: unknown) {
      if (err instanceof AlongFailed) throw err.reason;
      throw isUniqueViolation(err) ? new StaleWrite(doc, seq, err) : err;
    }
  }

  /**
   * Replaces the log up to `seq` by `state` (the merged document at seq), in one transaction. A snapshot
   * never goes back: one older than what is stored (a slower node) only trims the log it covers.
   */
  async compact(doc: string, seq: number, state: Uint8Array): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('doc_snapshots')
        .values({ doc, seq, data: state, updated_at: Date.now() })
        .onConflict((oc) =>
          oc
            .column('doc')
            .doUpdateSet((eb) => ({
              seq: eb.ref('excluded.seq'),
              data: eb.ref('excluded.data'),
              updated_at: eb.ref('excluded.updated_at'),
            }))
            .where('doc_snapshots.seq', '<', seq),
        )
        .execute();
      await trx.deleteFrom('doc_updates').where('doc', '=', doc).where('seq', '<=', seq).execute();
    });
  }
}
