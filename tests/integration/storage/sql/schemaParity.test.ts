import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../../sync-server/storage/sql/schema';
import { SCHEMA_COLUMNS } from '../../support/schemaColumns';
import { postgresColumnTypes, schemaShape, type SchemaShape } from '../../support/schemaShape';
import { DIALECTS, useTestStorage, type Dialect } from '../../support/sqlStorage';

/** Columns whose values stay small on PostgreSQL (INTEGER); every other whole number is BIGINT. */
const POSTGRES_INTEGER_COLUMNS = [
  'drivers.capacity',
  'drivers.on_shift',
  'drivers.position_declared',
  'orders.delay_minutes',
  'orders.late',
  'orders.prep_minutes',
  'orders.timings_version',
  'proofs.bytes',
  'users.disabled',
  'users.token_version',
  'webhook_deliveries.attempts',
  'webhook_deliveries.last_status',
];

const columnKinds = (shape: SchemaShape): Record<string, Record<string, string>> =>
  Object.fromEntries(
    Object.entries(shape).map(([table, { columns }]) => [
      table,
      Object.fromEntries(
        columns.map((c) => [c.name, `${c.type === 'integer' || c.type === 'real' ? 'number' : c.type}${c.nullable ? '?' : ''}`]),
      ),
    ]),
  );

describe('the storage schema', () => {
  const storage = { sqlite: useTestStorage('sqlite', 'describe'), postgres: useTestStorage('postgres', 'describe') };
  const db = (dialect: Dialect): Kysely<Database> => storage[dialect]().db;

  it('comes out the same on SQLite and PostgreSQL: tables, columns, keys, unique and foreign keys, indexes', async () => {
    const sqlite = await schemaShape(db('sqlite'), 'sqlite');
    expect(Object.keys(sqlite)).toHaveLength(21);
    expect(sqlite['orders']?.indexes).toContain(
      "(driver_id, status) where driver_id is not null and status not in 'delivered', 'rejected', 'cancelled', 'failed'",
    );
    expect(await schemaShape(db('postgres'), 'postgres')).toEqual(sqlite);
  });

  it.each(DIALECTS)('is what schema.ts says on %s: every table and column, read as text, number or bytes, NULL or not', async (dialect) => {
    expect(columnKinds(await schemaShape(db(dialect), dialect))).toEqual(SCHEMA_COLUMNS);
  });

  it('holds epoch ms, sequence numbers, Yjs client ids and money in BIGINT on PostgreSQL, only small counts and flags in INTEGER', async () => {
    const types = await postgresColumnTypes(db('postgres'));
    const integers = Object.entries(types).filter(([, type]) => type === 'integer');
    expect(integers.map(([column]) => column).sort()).toEqual(POSTGRES_INTEGER_COLUMNS);
    const times = Object.entries(types).filter(([column]) => /(_at|\.at)$/.test(column));
    expect(times.length).toBeGreaterThan(20);
    expect(times.filter(([, type]) => type !== 'bigint')).toEqual([]);
    expect([types['doc_clients.client'], types['doc_updates.seq'], types['orders.total'], types['orders.cash_due']]).toEqual([
      'bigint',
      'bigint',
      'bigint',
      'bigint',
    ]);
  });
});
