import type { Migration } from 'kysely';
import { postgresBaseline } from './0010_postgres_baseline';
import { docHeads } from './0011_doc_heads';
import { breadcrumbIds } from './0012_breadcrumb_ids';
import { ordersCustomerNameFolded } from './0013_orders_customer_name_folded';
import { dispatchFence } from './0014_dispatch_fence';
import { ordersInFlightIndexes } from './0015_orders_in_flight_indexes';
import { eventsOutbox } from './0016_events_outbox';
import { ordersTax } from './0017_orders_tax';
import { webhookSecretRotation } from './0018_webhook_secret_rotation';
import { ordersAwaitingPayment } from './0019_orders_awaiting_payment';
import { ordersDeliveryCode } from './0020_orders_delivery_code';

export type MigrationSet = Readonly<Record<string, Migration>>;

/** A shared migration whose DDL no single statement both dialects take can say (a SQLite table rebuild). */
export interface PerDialect {
  readonly sqlite: Migration;
  readonly postgres: Migration;
}

export type SharedMigrationSet = Readonly<Record<string, Migration | PerDialect>>;

/**
 * Every migration after the baseline, shared by both dialects and run by Kysely's Migrator in name order.
 * Append only; names continue the legacy numbering (0011_<what>, 0012_…) so one sequence tells the history.
 * Write them with the schema builder or SQL both dialects take (dialectTypes.ts for column types); only where that cannot be done, one
 * PerDialect entry with a half for each, leaving the two schemas the same. On both, one run of pending
 * migrations is one transaction (see sqlite.ts for SQLite), so a failing migration leaves nothing half-done.
 * The server opens its storage with openSqlStorage, so the legacy list (migrations.ts) is frozen: every
 * schema change comes here, for both dialects at once.
 */
export const SHARED_MIGRATIONS: SharedMigrationSet = {
  '0011_doc_heads': docHeads,
  '0012_breadcrumb_ids': breadcrumbIds,
  '0013_orders_customer_name_folded': ordersCustomerNameFolded,
  '0014_dispatch_fence': dispatchFence,
  '0015_orders_in_flight_indexes': ordersInFlightIndexes,
  '0016_events_outbox': eventsOutbox,
  '0017_orders_tax': ordersTax,
  '0018_webhook_secret_rotation': webhookSecretRotation,
  '0019_orders_awaiting_payment': ordersAwaitingPayment,
  '0020_orders_delivery_code': ordersDeliveryCode,
};

const forDialect = (migration: Migration | PerDialect, dialect: 'sqlite' | 'postgres'): Migration =>
  'up' in migration ? migration : migration[dialect];

/** What Kysely's Migrator runs on each dialect; SQLite's baseline is the legacy list, run before it. */
export function migrationsFor(dialect: 'sqlite' | 'postgres', shared: SharedMigrationSet = SHARED_MIGRATIONS): MigrationSet {
  const own = Object.fromEntries(Object.entries(shared).map(([name, migration]) => [name, forDialect(migration, dialect)]));
  return dialect === 'postgres' ? { '0010_postgres_baseline': postgresBaseline, ...own } : own;
}
