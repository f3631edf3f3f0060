import { sql, type Kysely, type Migration } from 'kysely';
import { dialectTypes } from './dialectTypes';

/**
 * The highest seq written to each document, moved only by compare-and-set (seq - 1 → seq) in the append's
 * transaction. The log's (doc, seq) key alone cannot order writers once compaction deletes rows: a node
 * behind could re-use a deleted seq, and its update would hide under the newer snapshot. The head never
 * goes back, so a seq is handed out once.
 */
async function up(db: Kysely<unknown>): Promise<void> {
  const types = dialectTypes(db);
  await db.schema
    .createTable('doc_heads')
    .addColumn('doc', types.text, (c) => c.primaryKey())
    .addColumn('seq', types.bigint, (c) => c.notNull())
    .execute();
  await sql`
    INSERT INTO doc_heads (doc, seq)
    SELECT doc, MAX(seq) FROM (SELECT doc, seq FROM doc_updates UNION ALL SELECT doc, seq FROM doc_snapshots) AS written
    GROUP BY doc
  `.execute(db);
}

export const docHeads: Migration = { up };
