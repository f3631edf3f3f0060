import { CompiledQuery, type Kysely } from 'kysely';
import type { Db } from './db';
import { statementOn } from './sql/handle';
import { dialectOf } from './sql/dialect';
import type { Database } from './sql/schema';

/**
 * Moves a document's head from `seq - 1` to `seq` (compare-and-set; seq 1 creates it) and, only if it
 * moved, logs `update` at `seq`. False when the head was elsewhere: another writer has that seq, and
 * nothing was written. Run in a transaction, or alone on PostgreSQL (one statement).
 *
 * The head moves first: on PostgreSQL a second writer of the same seq waits on the head row (or, for
 * seq 1, on the first writer's key), then finds it moved and changes nothing. A log row the head does not
 * cover would be a unique violation, which the caller reads as a lost race too.
 */
export async function moveHeadAndLog(db: Kysely<Database>, doc: string, seq: number, update: Uint8Array): Promise<boolean> {
  return dialectOf(db) === 'postgres' ? inOneStatement(db, doc, seq, update) : inTwoStatements(db, doc, seq, update);
}

/** `WITH moved AS (<move the head> RETURNING doc, seq) INSERT INTO doc_updates SELECT doc, seq, $data FROM moved`. */
async function inOneStatement(db: Kysely<Database>, doc: string, seq: number, update: Uint8Array): Promise<boolean> {
  const written = await db
    .with('moved', (qc) =>
      seq === 1
        ? qc
            .insertInto('doc_heads')
            .values({ doc, seq })
            .onConflict((oc) => oc.doNothing())
            .returning(['doc', 'seq'])
        : qc
            .updateTable('doc_heads')
            .set({ seq })
            .where('doc', '=', doc)
            .where('seq', '=', seq - 1)
            .returning(['doc', 'seq']),
    )
    .insertInto('doc_updates')
    .columns(['doc', 'seq', 'data'])
    .expression((eb) => eb.selectFrom('moved').select((s) => ['moved.doc', 'moved.seq', s.val(update).as('data')]))
    .executeTakeFirst();
  return written.numInsertedOrUpdatedRows === 1n;
}

/**
 * SQLite runs no INSERT or UPDATE inside a WITH: the same two steps, in the caller's transaction (in-process,
 * cheap). Written as SQL, not built: they run for every update a device sends, and building them with
 * Kysely's query builder cost as much CPU as SQLite took to run them, and most of the garbage.
 */
const CREATE_HEAD = 'insert into "doc_heads" ("doc", "seq") values (?, ?) on conflict do nothing';
const MOVE_HEAD = 'update "doc_heads" set "seq" = ? where "doc" = ? and "seq" = ?';
const LOG_UPDATE = 'insert into "doc_updates" ("doc", "seq", "data") values (?, ?, ?)';

async function inTwoStatements(db: Kysely<Database>, doc: string, seq: number, update: Uint8Array): Promise<boolean> {
  const moved = await db.executeQuery(
    seq === 1 ? CompiledQuery.raw(CREATE_HEAD, [doc, seq]) : CompiledQuery.raw(MOVE_HEAD, [seq, doc, seq - 1]),
  );
  if (moved.numAffectedRows !== 1n) return false;
  await db.executeQuery(CompiledQuery.raw(LOG_UPDATE, [doc, seq, update]));
  return true;
}

/** The same two steps as statements on SQLite's handle, inside a transaction the caller holds. */
export function moveHeadAndLogOnHandle(raw: Db, doc: string, seq: number, update: Uint8Array): boolean {
  const moved = seq === 1 ? statementOn(raw, CREATE_HEAD).run([doc, seq]) : statementOn(raw, MOVE_HEAD).run([seq, doc, seq - 1]);
  if (Number(moved.changes) !== 1) return false;
  statementOn(raw, LOG_UPDATE).run([doc, seq, update]);
  return true;
}
