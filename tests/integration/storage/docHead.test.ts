import { Kysely, PostgresDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { DocStore, StaleWrite } from '../../../sync-server/storage/docStore';
import { postgresPool } from '../../../sync-server/storage/sql/postgres';
import type { Database } from '../../../sync-server/storage/sql/schema';
import { silentLog, useTestStorage } from '../support/sqlStorage';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

/** A server node: its own pool on the test database, and every statement it sent (BEGIN and COMMIT included). */
interface Node {
  readonly store: DocStore;
  readonly statements: string[];
}

// Only PostgreSQL runs an append as one statement (SQLite has no INSERT or UPDATE inside WITH) and only
// there do several nodes write one database at once.
describe('appending to a document from several nodes on PostgreSQL', () => {
  const storage = useTestStorage('postgres');
  const opened: Kysely<Database>[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.destroy();
  });

  function node(): Node {
    const { target } = storage();
    if (target.dialect !== 'postgres') throw new Error('these tests need PostgreSQL');
    const statements: string[] = [];
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: postgresPool(target.url, silentLog) }),
      log: (event) => {
        statements.push(event.query.sql);
      },
    });
    opened.push(db);
    return { store: new DocStore(db), statements };
  }

  const transactions = (n: Node): number => n.statements.filter((s) => s === 'begin').length;

  /** How many appends the node sent as a statement of their own, outside any transaction. */
  function loneAppends(n: Node): number {
    let inside = false;
    let count = 0;
    for (const s of n.statements) {
      if (s === 'begin') inside = true;
      else if (s === 'commit' || s === 'rollback') inside = false;
      else if (!inside && s.startsWith('with "moved"')) count += 1;
    }
    return count;
  }

  async function logged(doc: string): Promise<{ seq: number; data: Uint8Array }[]> {
    return storage().db.selectFrom('doc_updates').select(['seq', 'data']).where('doc', '=', doc).orderBy('seq').execute();
  }

  async function head(doc: string): Promise<number | undefined> {
    return (await storage().db.selectFrom('doc_heads').select('seq').where('doc', '=', doc).executeTakeFirst())?.seq;
  }

  it('commits an append that claims nothing and writes nothing along as one statement, with no transaction', async () => {
    const a = node();
    for (let seq = 1; seq <= 3; seq++) await a.store.append('order:o1', seq, bytes(seq));
    expect(a.statements).toHaveLength(3);
    expect(transactions(a)).toBe(0);
    await expect(a.store.append('order:o1', 3, bytes(9))).rejects.toBeInstanceOf(StaleWrite);
    expect(a.statements).toHaveLength(4);
    expect(await logged('order:o1')).toEqual([1, 2, 3].map((seq) => ({ seq, data: Buffer.from(bytes(seq)) })));
  });

  it('keeps the transaction for an append that claims client ids, and stores the claim with it', async () => {
    const a = node();
    await a.store.append('order:o1', 1, bytes(1), [{ client: 7, owner: 'u1' }]);
    expect(transactions(a)).toBe(1);
    expect(a.statements.at(-1)).toBe('commit');
    expect(await a.store.owners('order:o1')).toEqual(new Map([[7, 'u1']]));
  });

  it('lets one of two nodes writing the same seq commit; the other is stale and the log holds one row there', async () => {
    const [a, b] = [node(), node()];
    await a.store.append('order:o1', 1, bytes(1));
    for (let seq = 2; seq <= 31; seq++) {
      const outcomes = await Promise.allSettled([
        a.store.append('order:o1', seq, bytes(seq, 0)),
        b.store.append('order:o1', seq, bytes(seq, 1)),
      ]);
      const won = outcomes.findIndex((o) => o.status === 'fulfilled');
      expect(won).not.toBe(-1);
      const lost = outcomes[1 - won];
      expect(lost?.status === 'rejected' && lost.reason instanceof StaleWrite).toBe(true);
      const rows = (await logged('order:o1')).filter((r) => r.seq === seq);
      expect(rows).toEqual([{ seq, data: Buffer.from(bytes(seq, won)) }]);
    }
    expect(await head('order:o1')).toBe(31);
    expect([loneAppends(a), loneAppends(b)]).toEqual([31, 30]);
  });

  it('lets one of two nodes create an empty document at seq 1; the other is stale', async () => {
    const [a, b] = [node(), node()];
    for (let i = 0; i < 30; i++) {
      const doc = `order:new${i}`;
      const outcomes = await Promise.allSettled([a.store.append(doc, 1, bytes(i, 0)), b.store.append(doc, 1, bytes(i, 1))]);
      const won = outcomes.findIndex((o) => o.status === 'fulfilled');
      expect(won).not.toBe(-1);
      const lost = outcomes[1 - won];
      expect(lost?.status === 'rejected' && lost.reason instanceof StaleWrite).toBe(true);
      expect(await logged(doc)).toEqual([{ seq: 1, data: Buffer.from(bytes(i, won)) }]);
      expect(await head(doc)).toBe(1);
    }
    expect([loneAppends(a), loneAppends(b)]).toEqual([30, 30]);
  });

  it('never lets the head and the log part under a burst from two nodes that also compact', async () => {
    const DOC = 'order:burst';
    const PER_NODE = 60;
    /** Appends PER_NODE updates, catching up after each lost race, and compacts every 10th. */
    let attempts = 0;
    async function writer(n: Node, id: number): Promise<number[]> {
      const won: number[] = [];
      let known = 0;
      while (won.length < PER_NODE) {
        attempts += 1;
        try {
          await n.store.append(DOC, known + 1, bytes(id, won.length));
          known += 1;
          won.push(known);
          if (won.length % 10 === 0) await n.store.compact(DOC, known, bytes(id, 255));
        } catch (err: unknown) {
          if (!(err instanceof StaleWrite)) throw err;
          known = (await n.store.since(DOC, known)).lastSeq;
        }
      }
      return won;
    }
    const [a, b] = [node(), node()];
    const [byA, byB] = await Promise.all([writer(a, 0), writer(b, 1)]);

    // Every seq was handed out once, to one node, and the head is the last of them.
    const all = [...byA, ...byB].sort((x, y) => x - y);
    expect(all).toEqual(Array.from({ length: 2 * PER_NODE }, (_, i) => i + 1));
    expect(await head(DOC)).toBe(2 * PER_NODE);
    // The log is exactly what the newest snapshot does not cover, up to the head: nothing was written under it.
    const snapshot = await storage().db.selectFrom('doc_snapshots').select('seq').where('doc', '=', DOC).executeTakeFirstOrThrow();
    const rows = (await logged(DOC)).map((r) => r.seq);
    expect(rows).toEqual(Array.from({ length: 2 * PER_NODE - snapshot.seq }, (_, i) => snapshot.seq + i + 1));
    expect(Math.max(snapshot.seq, ...rows)).toBe(await head(DOC));
    expect(loneAppends(a) + loneAppends(b)).toBe(attempts);
  });
});
