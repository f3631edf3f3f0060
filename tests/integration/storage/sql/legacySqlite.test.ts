import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDb, type Db } from '../../../../sync-server/storage/db';
import { MIGRATIONS } from '../../../../sync-server/storage/migrations';
import { openSqlStorage } from '../../../../sync-server/storage/sql/open';
import { silentLog } from '../../support/sqlStorage';
import { tempDataDir } from '../../support/server';

const SqliteObjects = z.array(z.object({ type: z.string(), name: z.string(), sql: z.string().nullable() }));

/** Tables the shared migrations rebuild (0011 gives breadcrumbs an id), compared by their own tests instead. */
const REBUILT = ['breadcrumbs'];

/**
 * Every schema object the legacy list made, as SQLite keeps its text; the Migrator's own two tables and
 * what the shared migrations change are all openSqlStorage adds.
 */
const legacySchema = (db: Db): z.infer<typeof SqliteObjects> =>
  SqliteObjects.parse(
    db
      .prepare(
        `SELECT type, name, sql FROM sqlite_master WHERE tbl_name NOT LIKE 'kysely_migration%'
         AND tbl_name NOT IN (${REBUILT.map((t) => `'${t}'`).join(', ')}) ORDER BY name`,
      )
      .all(),
  );

/** Columns the shared migrations (migrations/index.ts) add to a legacy database, by table. */
const SHARED_COLUMNS: Readonly<Record<string, readonly string[]>> = { orders: ['customer_name_folded', 'tax', 'delivery_code'] };

/** Indexes 0015_orders_in_flight_indexes replaced: the old one goes, the two over orders in flight come. */
const REPLACED_INDEXES = /^(orders_awaiting_driver|orders_waiting_for_driver|orders_driver_active)$/;

/** Every row of every table, in an order that does not depend on how SQLite happens to return them, without `omitted` columns. */
function everyRow(db: Db, omitted: Readonly<Record<string, readonly string[]>> = {}): Record<string, string[]> {
  return Object.fromEntries(
    legacySchema(db)
      .filter((o) => o.type === 'table' && !o.name.startsWith('sqlite_'))
      .map((t) => [
        t.name,
        db
          .prepare(`SELECT * FROM "${t.name}"`)
          .all()
          .map((row) => JSON.stringify(row, (key: string, value: unknown) => (omitted[t.name]?.includes(key) ? undefined : value)))
          .sort(),
      ]),
  );
}

/** The schema as the legacy list left it: each shared column's `, "name" TYPE` (ALTER TABLE ADD COLUMN appends it) taken out. */
const withoutSharedColumns = (schema: z.infer<typeof SqliteObjects>): z.infer<typeof SqliteObjects> =>
  schema.map((o) => ({
    ...o,
    sql: (SHARED_COLUMNS[o.name] ?? []).reduce((text, column) => text?.replace(new RegExp(`, "${column}" [A-Za-z]+`), '') ?? null, o.sql),
  }));

const userVersion = (db: Db): unknown => db.pragma('user_version', { simple: true });

const sqliteAt = (dataDir: string): { dialect: 'sqlite'; dataDir: string; sync: 'normal' } => ({
  dialect: 'sqlite',
  dataDir,
  sync: 'normal',
});

describe('a SQLite database built by the legacy migrations', () => {
  it('is opened by openSqlStorage with nothing re-run: same user_version, same schema and rows, plus what the shared migrations add', async () => {
    const dataDir = tempDataDir('legacy');
    const legacy = openDb(dataDir, 'normal');
    // A driver account without a drivers row: re-running legacy migration 3 would add one.
    legacy
      .prepare(
        "INSERT INTO users (id, email, name, role, password_hash, created_at) VALUES ('u1', 'Ravi@Dabba.local', 'Ravi', 'driver', 'h', 1)",
      )
      .run();
    legacy.prepare("INSERT INTO outlets (id, name, created_at) VALUES ('o1', 'Dosa Corner 🥞', 1700000000000)").run();
    legacy
      .prepare(
        "INSERT INTO orders (id, outlet_id, tracking_token, status, created_at, updated_at) VALUES ('ord1', 'o1', 't1', 'placed', 1, 2)",
      )
      .run();
    legacy.prepare('INSERT INTO doc_updates (doc, seq, data) VALUES (?, ?, ?)').run('order:ord1', 1, Uint8Array.from([0, 1, 254, 255]));
    const before = { version: userVersion(legacy), schema: legacySchema(legacy), rows: everyRow(legacy) };
    legacy.close();

    const { db } = await openSqlStorage(sqliteAt(dataDir), silentLog);
    expect(await db.selectFrom('outlets').select('name').executeTakeFirst()).toEqual({ name: 'Dosa Corner 🥞' });
    await db.destroy();

    const after = new Database(path.join(dataDir, 'dabba.sqlite'));
    try {
      expect(before.version).toBe(MIGRATIONS.length);
      expect(before.rows['drivers']).toEqual([]);
      const {
        doc_heads: heads,
        dispatch_fence: fence,
        outbox,
        webhooks,
        webhook_deliveries: deliveries,
        ...rows
      } = everyRow(after, SHARED_COLUMNS);
      // 0016_events_outbox: empty tables; nothing committed before it is sent out.
      expect([outbox, webhooks, deliveries]).toEqual([[], [], []]);
      // 0011_doc_heads: its table, filled from the log it found.
      expect(heads).toEqual([JSON.stringify({ doc: 'order:ord1', seq: 1 })]);
      // 0014_dispatch_fence: no leader has claimed a token yet.
      expect(fence).toEqual([JSON.stringify({ scope: 'dispatch', fence: 0 })]);
      const schema = withoutSharedColumns(legacySchema(after)).filter(
        // 0019_orders_awaiting_payment: a new index, which the legacy schema did not have.
        (o) =>
          !/doc_heads|dispatch_fence|^outbox|^webhook|^sqlite_autoindex_(outbox|webhook)|^sqlite_sequence$|^orders_awaiting_payment$/.test(
            o.name,
          ),
      );
      // The planner's statistics (sqlite_stat*), gathered at open, are not schema.
      const legacyIndexes = (objects: typeof schema) =>
        objects.filter((o) => !REPLACED_INDEXES.test(o.name) && !o.name.startsWith('sqlite_stat'));
      expect({ version: userVersion(after), schema: legacyIndexes(schema), rows }).toEqual({
        ...before,
        schema: legacyIndexes(before.schema),
      });
      expect(schema.filter((o) => REPLACED_INDEXES.test(o.name)).map((o) => o.name)).toEqual([
        'orders_driver_active',
        'orders_waiting_for_driver',
      ]);
      expect(after.prepare('SELECT customer_name_folded FROM orders').all()).toEqual([{ customer_name_folded: null }]);
      // 0017_orders_tax: an order indexed before tax settings was charged none separately, where its total is known.
      expect(after.prepare('SELECT total, tax FROM orders').all()).toEqual([{ total: null, tax: null }]);
    } finally {
      after.close();
    }
  });

  it('is brought up from an older legacy version by the rest of the legacy list, its data fills included', async () => {
    const dataDir = tempDataDir('legacy-old');
    const old = new Database(path.join(dataDir, 'dabba.sqlite'));
    for (const [v, step] of MIGRATIONS.slice(0, 5).entries()) {
      old.exec(step);
      old.pragma(`user_version = ${v + 1}`);
    }
    old
      .prepare(
        "INSERT INTO orders (id, outlet_id, tracking_token, status, created_at, updated_at) VALUES ('ord1', 'o1', 't1', 'accepted', 1, 2)",
      )
      .run();
    old.close();

    const { db } = await openSqlStorage(sqliteAt(dataDir), silentLog);
    try {
      // Legacy migration 9 gives every order that existed a wake mark at its state then.
      expect(await db.selectFrom('order_wake_marks').selectAll().execute()).toEqual([
        { order_id: 'ord1', status: 'accepted', driver_id: null },
      ]);
      expect(await db.selectFrom('orders').select(['id', 'timings_version']).execute()).toEqual([{ id: 'ord1', timings_version: null }]);
    } finally {
      await db.destroy();
    }
    const reopened = new Database(path.join(dataDir, 'dabba.sqlite'));
    try {
      expect(userVersion(reopened)).toBe(MIGRATIONS.length);
    } finally {
      reopened.close();
    }
  });
});
