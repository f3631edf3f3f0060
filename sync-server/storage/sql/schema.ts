import type { ColumnType, Generated } from 'kysely';

/**
 * The storage schema as one Kysely type for both dialects: what the legacy SQLite migrations built
 * (migrations.ts, user_version 10) and what the PostgreSQL baseline builds (migrations/0010_postgres_baseline.ts),
 * then the shared migrations (migrations/index.ts) on both.
 * tests/integration/storage/sql/schemaParity.test.ts checks that the two agree; keep this in step with both.
 *
 * Rules that hold on both dialects:
 * - Ids are plain strings here: repositories parse them into shared/ids brands as they map rows.
 * - Literal unions only where a CHECK constraint guarantees them; other enumerations (order status, order
 *   type) are strings a repository parses, because nothing in the database holds them to the union.
 * - Flags are INTEGER 0/1, not booleans: SQLite has no boolean type (better-sqlite3 returns 1, refuses to
 *   bind `true`), so a PostgreSQL boolean would read back as a different JS type. See values.ts.
 * - Integers read back as JS numbers on both (PostgreSQL BIGINT via the int8 parser in postgres.ts).
 * - Columns with a database default are Generated: an insert may leave them out.
 * - Single-column TEXT primary keys of SQLite rowid tables accept NULL (an SQLite quirk); the code never
 *   writes one and PostgreSQL refuses it, so they are typed non-null.
 */

/** Server or device epoch milliseconds: BIGINT on PostgreSQL (ms since 1970 passed 2^31 in January 1970). */
export type EpochMs = number;

/** Bytes in and out: better-sqlite3 and pg both return a Buffer (a Uint8Array), and take a Uint8Array. */
export type Bytes = ColumnType<Uint8Array, Uint8Array, Uint8Array>;

/** An INTEGER flag, 0 or 1 by convention (no CHECK holds it there): read it with isSet() from values.ts. */
export type Flag = number;

export interface UsersTable {
  id: string;
  /** Unique and compared without regard to case: COLLATE NOCASE on SQLite, citext on PostgreSQL. */
  email: string;
  name: string;
  role: 'admin' | 'outlet' | 'driver';
  outlet_id: string | null;
  password_hash: string;
  created_at: EpochMs;
  disabled: Generated<Flag>;
  token_version: Generated<number>;
}

/** The append-only update log: an update is here before it is acknowledged or relayed. */
export interface DocUpdatesTable {
  doc: string;
  seq: number;
  data: Bytes;
}

/** The merged state of every update of a doc up to and including seq. */
export interface DocSnapshotsTable {
  doc: string;
  seq: number;
  data: Bytes;
  updated_at: EpochMs;
}

/** The highest seq handed out per doc: appends move it by compare-and-set, compaction never lowers it. */
export interface DocHeadsTable {
  doc: string;
  seq: number;
}

/** Which user (or '@server') writes under each Yjs client id of a doc. */
export interface DocClientsTable {
  doc: string;
  /** A Yjs client id: an unsigned 32-bit number, so BIGINT on PostgreSQL (INTEGER stops at 2^31 - 1). */
  client: number;
  owner: string;
}

/** The server's query index over order documents. Columns added after the first release are NULL on older orders. */
export interface OrdersTable {
  id: string;
  outlet_id: string;
  driver_id: string | null;
  tracking_token: string;
  status: string;
  created_at: EpochMs;
  updated_at: EpochMs;
  type: string | null;
  source: string | null;
  customer_name: string | null;
  /** customer_name as history search compares it (storage/searchText.ts); NULL with the name. */
  customer_name_folded: string | null;
  customer_phone: string | null;
  customer_phone_digits: string | null;
  /** Minor units. */
  total: number | null;
  /** Minor units: every tax the order was charged, included in prices or added (0017_orders_tax.ts). */
  tax: number | null;
  currency: string | null;
  /** Delivery orders: the code the customer reads out at the door; never in a document a device syncs (0020). */
  delivery_code: string | null;
  assigned_at: EpochMs | null;
  accepted_at: EpochMs | null;
  prep_minutes: number | null;
  delay_minutes: number | null;
  ready_at: EpochMs | null;
  picked_up_at: EpochMs | null;
  finished_at: EpochMs | null;
  promised_at: EpochMs | null;
  /** NULL: not known yet. */
  late: Flag | null;
  end_reason: string | null;
  /** Minor units. */
  cash_due: number | null;
  timings_version: number | null;
}

export interface IdempotencyKeysTable {
  key: string;
  request_hash: string;
  order_id: string;
  created_at: EpochMs;
}

export interface OutletsTable {
  id: string;
  name: string;
  created_at: EpochMs;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface DriversTable {
  user_id: string;
  phone: string;
  capacity: Generated<number>;
  on_shift: Generated<Flag>;
  shift_changed_at: EpochMs;
  lat: number | null;
  lng: number | null;
  position_at: EpochMs | null;
  accuracy: number | null;
  position_declared: Generated<Flag>;
  last_assigned_at: EpochMs | null;
  last_delivery_ended_at: EpochMs | null;
}

/** Points are kept as sent; `id` only numbers them in the order they were stored (migration 0011). */
export interface BreadcrumbsTable {
  id: Generated<number>;
  driver_id: string;
  lat: number;
  lng: number;
  /** Device time. */
  at: EpochMs;
  accuracy: number | null;
  /** Server time. */
  received_at: EpochMs;
}

export interface DispatchOffersTable {
  order_id: string;
  driver_id: string;
  offered_at: EpochMs;
  expires_at: EpochMs;
  /** JSON of the Offer the driver's inbox shows. */
  offer: string;
}

export interface DispatchExclusionsTable {
  order_id: string;
  driver_id: string;
  reason: 'declined' | 'timeout' | 'unassigned';
  at: EpochMs;
}

/** The highest fence token claimed by a dispatch leader, per scope (migrations/0014_dispatch_fence.ts). */
export interface DispatchFenceTable {
  scope: string;
  fence: number;
}

export interface ProofsTable {
  order_id: string;
  proof_id: string;
  bytes: number;
  stored_at: EpochMs;
}

export interface DevicePushTokensTable {
  token: string;
  user_id: string;
  app: 'outlet' | 'driver' | 'admin';
  device_id: string | null;
  created_at: EpochMs;
  updated_at: EpochMs;
}

export interface TrackPushTokensTable {
  tracking_token: string;
  token: string;
  order_id: string;
  created_at: EpochMs;
  updated_at: EpochMs;
}

export interface OrderWakeMarksTable {
  order_id: string;
  status: string;
  driver_id: string | null;
}

/** Every order event committed, written with its commit (migrations/0016_events_outbox.ts). */
export interface OutboxTable {
  /** Commit order, never reused: the `sequence` receivers see. */
  seq: Generated<number>;
  event_id: string;
  order_id: string;
  outlet_id: string | null;
  /** `order.<event type>`. */
  type: string;
  /** The event's `at`: its author's device time. */
  occurred_at: EpochMs;
  committed_at: EpochMs;
  /** JSON of the event's data (see shared/api/webhooks.ts). */
  data: string;
  /** When it was fanned out to the webhooks; null until then. */
  fanned_at: EpochMs | null;
  /** When it was appended to the Redis Stream; null until then (and always, without Redis). */
  streamed_at: EpochMs | null;
}

export interface WebhooksTable {
  id: string;
  url: string;
  /** JSON array of event names, or of `*`. */
  events: string;
  /** The HMAC key its deliveries are signed with. */
  secret: string;
  created_at: EpochMs;
  /** The secret before the last rotation, also signed with until `previous_secret_until`; else null. */
  previous_secret: string | null;
  previous_secret_until: EpochMs | null;
}

/** One event's delivery to one webhook. */
export interface WebhookDeliveriesTable {
  webhook_id: string;
  event_id: string;
  order_id: string;
  /** The event's outbox seq: an order's later events wait for its earlier ones still pending here. */
  seq: number;
  /** A CHECK holds it to these. */
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  /** While pending; null otherwise. */
  next_attempt_at: EpochMs | null;
  last_status: number | null;
  last_error: string | null;
  delivered_at: EpochMs | null;
  created_at: EpochMs;
  updated_at: EpochMs;
}

export interface Database {
  users: UsersTable;
  doc_updates: DocUpdatesTable;
  doc_snapshots: DocSnapshotsTable;
  doc_clients: DocClientsTable;
  doc_heads: DocHeadsTable;
  orders: OrdersTable;
  idempotency_keys: IdempotencyKeysTable;
  outlets: OutletsTable;
  meta: MetaTable;
  drivers: DriversTable;
  breadcrumbs: BreadcrumbsTable;
  dispatch_offers: DispatchOffersTable;
  dispatch_exclusions: DispatchExclusionsTable;
  dispatch_fence: DispatchFenceTable;
  proofs: ProofsTable;
  device_push_tokens: DevicePushTokensTable;
  track_push_tokens: TrackPushTokensTable;
  order_wake_marks: OrderWakeMarksTable;
  outbox: OutboxTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
