import { sql, type Kysely, type Migration } from 'kysely';

/**
 * PostgreSQL only: the schema the ten legacy SQLite migrations (migrations.ts) leave behind, built in one
 * step. Named 0010 because it stands for legacy user_version 10; shared migrations continue at 0011.
 *
 * Type choices (schema.ts says how each reads back):
 * - SQLite INTEGER is 64-bit. Epoch ms, log sequence numbers, Yjs client ids (unsigned 32-bit) and money
 *   in minor units become BIGINT; small counts and 0/1 flags stay INTEGER, which also keeps SUM() over them
 *   a BIGINT rather than a NUMERIC.
 * - REAL → DOUBLE PRECISION, BLOB → BYTEA, TEXT → TEXT COLLATE "C": SQLite compares and sorts text by
 *   bytes; a database made with an operator's locale (en-US) would otherwise sort 'apple' before 'Banana'
 *   and give ORDER BY name, range scans and uniqueness a second meaning.
 * - users.email COLLATE NOCASE → CITEXT: `email = $1` stays case-insensitive with the very same query on
 *   both dialects, and UNIQUE refuses 'A@x' next to 'a@x'. A unique index on lower(email) would make every
 *   lookup spell lower() (and SQLite would then scan, its index being on email). citext is a trusted
 *   extension (PostgreSQL 13+), so a database owner without superuser may create it.
 *   It folds case like lower() under the database's ctype, SQLite NOCASE folds ASCII only: they differ
 *   only for addresses with non-ASCII letters.
 * - WITHOUT ROWID has no PostgreSQL meaning (tables are heaps; the primary key is an index either way).
 * - The legacy data fills (drivers from driver users, wake marks from orders) have nothing to fill on a
 *   new database and are left out.
 */

const EPOCH_MS = 'bigint';
/** Byte order, as SQLite's default BINARY collation compares, whatever locale the database was made with. */
const TEXT = sql`text COLLATE "C"`;

async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS citext`.execute(db);

  await db.schema
    .createTable('users')
    .addColumn('id', TEXT, (c) => c.primaryKey())
    .addColumn('email', sql`citext`, (c) => c.notNull().unique())
    .addColumn('name', TEXT, (c) => c.notNull())
    .addColumn('role', TEXT, (c) => c.notNull().check(sql`role IN ('admin', 'outlet', 'driver')`))
    .addColumn('outlet_id', TEXT)
    .addColumn('password_hash', TEXT, (c) => c.notNull())
    .addColumn('created_at', EPOCH_MS, (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('token_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('doc_updates')
    .addColumn('doc', TEXT, (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('doc_updates_pkey', ['doc', 'seq'])
    .execute();
  await db.schema
    .createTable('doc_snapshots')
    .addColumn('doc', TEXT, (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addColumn('updated_at', EPOCH_MS, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('doc_clients')
    .addColumn('doc', TEXT, (c) => c.notNull())
    .addColumn('client', 'bigint', (c) => c.notNull())
    .addColumn('owner', TEXT, (c) => c.notNull())
    .addPrimaryKeyConstraint('doc_clients_pkey', ['doc', 'client'])
    .execute();

  await db.schema
    .createTable('orders')
    .addColumn('id', TEXT, (c) => c.primaryKey())
    .addColumn('outlet_id', TEXT, (c) => c.notNull())
    .addColumn('driver_id', TEXT)
    .addColumn('tracking_token', TEXT, (c) => c.notNull().unique())
    .addColumn('status', TEXT, (c) => c.notNull())
    .addColumn('created_at', EPOCH_MS, (c) => c.notNull())
    .addColumn('updated_at', EPOCH_MS, (c) => c.notNull())
    .addColumn('type', TEXT)
    .addColumn('source', TEXT)
    .addColumn('customer_name', TEXT)
    .addColumn('customer_phone', TEXT)
    .addColumn('customer_phone_digits', TEXT)
    .addColumn('total', 'bigint')
    .addColumn('currency', TEXT)
    .addColumn('assigned_at', EPOCH_MS)
    .addColumn('accepted_at', EPOCH_MS)
    .addColumn('prep_minutes', 'integer')
    .addColumn('delay_minutes', 'integer')
    .addColumn('ready_at', EPOCH_MS)
    .addColumn('picked_up_at', EPOCH_MS)
    .addColumn('finished_at', EPOCH_MS)
    .addColumn('promised_at', EPOCH_MS)
    .addColumn('late', 'integer')
    .addColumn('end_reason', TEXT)
    .addColumn('cash_due', 'bigint')
    .addColumn('timings_version', 'integer')
    .execute();
  // Same names and predicates as the SQLite indexes.
  await db.schema.createIndex('orders_outlet').on('orders').columns(['outlet_id', 'created_at']).execute();
  await db.schema.createIndex('orders_driver').on('orders').columns(['driver_id', 'created_at']).execute();
  await db.schema.createIndex('orders_created').on('orders').column('created_at').execute();
  await db.schema
    .createIndex('orders_awaiting_driver')
    .on('orders')
    .column('created_at')
    .where(sql<boolean>`driver_id IS NULL AND type = 'delivery'`)
    .execute();
  await db.schema
    .createIndex('orders_placed')
    .on('orders')
    .columns(['outlet_id', 'created_at'])
    .where(sql<boolean>`status = 'placed'`)
    .execute();
  await db.schema.createIndex('orders_timings').on('orders').column('timings_version').execute();
  await db.schema
    .createIndex('orders_finished')
    .on('orders')
    .column('finished_at')
    .where(sql<boolean>`finished_at IS NOT NULL`)
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('key', TEXT, (c) => c.primaryKey())
    .addColumn('request_hash', TEXT, (c) => c.notNull())
    .addColumn('order_id', TEXT, (c) => c.notNull().references('orders.id'))
    .addColumn('created_at', EPOCH_MS, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('outlets')
    .addColumn('id', TEXT, (c) => c.primaryKey())
    .addColumn('name', TEXT, (c) => c.notNull())
    .addColumn('created_at', EPOCH_MS, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('meta')
    .addColumn('key', TEXT, (c) => c.primaryKey())
    .addColumn('value', TEXT, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('drivers')
    .addColumn('user_id', TEXT, (c) => c.primaryKey().references('users.id'))
    .addColumn('phone', TEXT, (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull().defaultTo(2))
    .addColumn('on_shift', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('shift_changed_at', EPOCH_MS, (c) => c.notNull())
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('position_at', EPOCH_MS)
    .addColumn('accuracy', 'double precision')
    .addColumn('position_declared', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_assigned_at', EPOCH_MS)
    .addColumn('last_delivery_ended_at', EPOCH_MS)
    .execute();
  await db.schema
    .createTable('breadcrumbs')
    .addColumn('driver_id', TEXT, (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('at', EPOCH_MS, (c) => c.notNull())
    .addColumn('accuracy', 'double precision')
    .addColumn('received_at', EPOCH_MS, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('breadcrumbs_driver').on('breadcrumbs').columns(['driver_id', 'at']).execute();
  await db.schema.createIndex('breadcrumbs_at').on('breadcrumbs').column('at').execute();
  await db.schema
    .createTable('dispatch_offers')
    .addColumn('order_id', TEXT, (c) => c.primaryKey())
    .addColumn('driver_id', TEXT, (c) => c.notNull())
    .addColumn('offered_at', EPOCH_MS, (c) => c.notNull())
    .addColumn('expires_at', EPOCH_MS, (c) => c.notNull())
    .addColumn('offer', TEXT, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('dispatch_exclusions')
    .addColumn('order_id', TEXT, (c) => c.notNull())
    .addColumn('driver_id', TEXT, (c) => c.notNull())
    .addColumn('reason', TEXT, (c) => c.notNull().check(sql`reason IN ('declined', 'timeout', 'unassigned')`))
    .addColumn('at', EPOCH_MS, (c) => c.notNull())
    .addPrimaryKeyConstraint('dispatch_exclusions_pkey', ['order_id', 'driver_id'])
    .execute();

  await db.schema
    .createTable('proofs')
    .addColumn('order_id', TEXT, (c) => c.notNull())
    .addColumn('proof_id', TEXT, (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('stored_at', EPOCH_MS, (c) => c.notNull())
    .addPrimaryKeyConstraint('proofs_pkey', ['order_id', 'proof_id'])
    .execute();

  await db.schema
    .createTable('device_push_tokens')
    .addColumn('token', TEXT, (c) => c.primaryKey())
    .addColumn('user_id', TEXT, (c) => c.notNull().references('users.id'))
    .addColumn('app', TEXT, (c) => c.notNull().check(sql`app IN ('outlet', 'driver', 'admin')`))
    .addColumn('device_id', TEXT)
    .addColumn('created_at', EPOCH_MS, (c) => c.notNull())
    .addColumn('updated_at', EPOCH_MS, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('device_push_tokens_user').on('device_push_tokens').columns(['user_id', 'updated_at']).execute();
  await db.schema
    .createTable('track_push_tokens')
    .addColumn('tracking_token', TEXT, (c) => c.notNull())
    .addColumn('token', TEXT, (c) => c.notNull())
    .addColumn('order_id', TEXT, (c) => c.notNull().references('orders.id'))
    .addColumn('created_at', EPOCH_MS, (c) => c.notNull())
    .addColumn('updated_at', EPOCH_MS, (c) => c.notNull())
    .addPrimaryKeyConstraint('track_push_tokens_pkey', ['tracking_token', 'token'])
    .execute();
  await db.schema.createIndex('track_push_tokens_token').on('track_push_tokens').column('token').execute();

  await db.schema
    .createTable('order_wake_marks')
    .addColumn('order_id', TEXT, (c) => c.primaryKey())
    .addColumn('status', TEXT, (c) => c.notNull())
    .addColumn('driver_id', TEXT)
    .execute();
}

/** No down: a baseline is not undone, the database is dropped. */
export const postgresBaseline: Migration = { up };
