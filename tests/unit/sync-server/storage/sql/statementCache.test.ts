import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { statementCachingDatabase } from '../../../../../sync-server/storage/sql/statementCache';

/** An in-memory database whose prepare() calls are counted. */
function countingDb() {
  const raw = new Database(':memory:');
  raw.exec('create table t (n integer)');
  const prepared: string[] = [];
  const counting = {
    prepare: (sql: string) => {
      prepared.push(sql);
      return raw.prepare(sql);
    },
    close: () => raw.close(),
  };
  return { raw, counting, prepared };
}

let open: Database.Database[] = [];
afterEach(() => {
  for (const db of open) if (db.open) db.close();
  open = [];
});

describe('the SQLite statement cache', () => {
  it('prepares a SQL text once and reuses it, with the parameters of each run', () => {
    const { raw, counting, prepared } = countingDb();
    open.push(raw);
    const db = statementCachingDatabase(counting);
    for (const n of [1, 2, 3]) db.prepare('insert into t (n) values (?)').run([n]);
    expect(db.prepare('select n from t order by n').all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(prepared).toEqual(['insert into t (n) values (?)', 'select n from t order by n']);
  });

  it('gives a statement still being iterated a fresh twin instead of reusing it', () => {
    const { raw, counting, prepared } = countingDb();
    open.push(raw);
    const db = statementCachingDatabase(counting);
    db.prepare('insert into t (n) values (?)').run([1]);
    db.prepare('insert into t (n) values (?)').run([2]);
    const sql = 'select n from t order by n';
    const outer = db.prepare(sql).iterate([]);
    const seen: unknown[] = [];
    for (const row of outer) seen.push([row, db.prepare(sql).all([])]);
    expect(seen).toEqual([
      [{ n: 1 }, [{ n: 1 }, { n: 2 }]],
      [{ n: 2 }, [{ n: 1 }, { n: 2 }]],
    ]);
    expect(prepared.filter((s) => s === sql).length).toBe(3);
  });

  it('keeps at most `size` texts, dropping the one used longest ago', () => {
    const { raw, counting, prepared } = countingDb();
    open.push(raw);
    const db = statementCachingDatabase(counting, 2);
    const select = (k: number) => db.prepare(`select ${k} as k`).all([]);
    select(1);
    select(2);
    select(1);
    select(3); // drops 2, the least recently used
    select(1);
    select(2);
    expect(prepared).toEqual(['select 1 as k', 'select 2 as k', 'select 3 as k', 'select 2 as k']);
  });

  it('closes the handle under it', () => {
    const { raw, counting } = countingDb();
    statementCachingDatabase(counting).close();
    expect(raw.open).toBe(false);
  });
});
