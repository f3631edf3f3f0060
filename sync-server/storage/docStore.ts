import type { Kysely } from 'kysely';
import { moveHeadAndLog } from './docHead';
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

/** Rows written in the same transaction as an update, so that both commit or neither does. */
export type WrittenAlong = (trx: Kysely<Database>) => Promise<void>;

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

const bytes = (data: Uint8Array): Uint8Array => new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

/**
 * Durable Yjs state per document: a snapshot plus an append-only log of the updates since. When a
 * returned promise resolves, what it wrote is committed. The (doc, seq) primary key orders writers:
 * two appends of the same seq cannot both succeed, on any number of nodes.
 */
export class DocStore {
  constructor(private readonly db: Kysely<Database>) {}

  async load(doc: string): Promise<StoredDoc> {
    return this.db.transaction().execute(async (trx) => {
      const store = new DocStore(trx);
      return { ...(await store.since(doc, 0)), owners: await store.owners(doc) };
    });
  }

  /** The owner of every client id recorded for the doc. */
  async owners(doc: string): Promise<Map<number, ClientOwner>> {
    const rows = await this.db.selectFrom('doc_clients').select(['client', 'owner']).where('doc', '=', doc).execute();
    return new Map(rows.map((r) => [r.client, r.owner] as const));
  }

  /** Everything stored after `seq`, read in one transaction so a compaction between reads cannot hide updates. */
  async since(doc: string, seq: number): Promise<StoredSince> {
    const read = async (db: Kysely<Database>): Promise<StoredSince> => {
      const snap = await db
        .selectFrom('doc_snapshots')
        .select(['seq', 'data'])
        .where('doc', '=', doc)
        .where('seq', '>', seq)
        .executeTakeFirst();
      const after = snap?.seq ?? seq;
      const rows = await db
        .selectFrom('doc_updates')
        .select(['seq', 'data'])
        .where('doc', '=', doc)
        .where('seq', '>', after)
        .orderBy('seq')
        .execute();
      return {
        snapshot: snap ? bytes(snap.data) : null,
        updates: rows.map((r) => bytes(r.data)),
        lastSeq: rows.at(-1)?.seq ?? after,
      };
    };
    return this.db.isTransaction ? read(this.db) : this.db.transaction().execute(read);
  }

  /**
   * Appends an update at `seq` and records the client ids it claims, all or nothing (one transaction, or
   * on PostgreSQL one statement when there is nothing but the update to write). Rejects with
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
      await this.db.transaction().execute(async (trx) => {
        if (!(await moveHeadAndLog(trx, doc, seq, update))) throw new StaleWrite(doc, seq, null);
        if (claims.length > 0) {
          await trx
            .insertInto('doc_clients')
            .values(claims.map((c) => ({ doc, client: c.client, owner: c.owner })))
            .execute();
        }
        if (along) await along(trx).catch((err: unknown) => Promise.reject(new AlongFailed(err)));
      });
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
