import type Database from 'better-sqlite3';

/**
 * Frozen: the server opens storage with sql/open.ts, and schema changes go to sql/migrations (both
 * dialects). This list stays as SQLite's baseline for the
 * storage port in sql/: the PostgreSQL baseline (sql/migrations/0010_postgres_baseline.ts) builds the same
 * schema, and the schema parity test fails until a change here is made there too.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'outlet', 'driver')),
    outlet_id TEXT,
    password_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  -- The append-only update log: an update is here before it is acknowledged or relayed.
  CREATE TABLE doc_updates (
    doc TEXT NOT NULL,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (doc, seq)
  ) WITHOUT ROWID;
  -- A snapshot holds the merged state of every update up to and including seq.
  CREATE TABLE doc_snapshots (
    doc TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    updated_at INTEGER NOT NULL
  );
  -- Query index over order documents, derived from them by the server.
  CREATE TABLE orders (
    id TEXT PRIMARY KEY,
    outlet_id TEXT NOT NULL,
    driver_id TEXT,
    tracking_token TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX orders_outlet ON orders (outlet_id, created_at);
  CREATE INDEX orders_driver ON orders (driver_id, created_at);
  CREATE TABLE idempotency_keys (
    key TEXT PRIMARY KEY,
    request_hash TEXT NOT NULL,
    order_id TEXT NOT NULL REFERENCES orders (id),
    created_at INTEGER NOT NULL
  );
  -- Outlets by id; their profile and menu live in the outlet:<id> document.
  CREATE TABLE outlets (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at INTEGER NOT NULL);
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
  `
  -- Order history and search (GET /api/orders) read these; orders placed before this migration keep NULLs.
  ALTER TABLE orders ADD COLUMN type TEXT;
  ALTER TABLE orders ADD COLUMN source TEXT;
  ALTER TABLE orders ADD COLUMN customer_name TEXT;
  ALTER TABLE orders ADD COLUMN customer_phone TEXT;
  -- The phone's digits alone, so "98450 00000" finds "+91 98450-00000".
  ALTER TABLE orders ADD COLUMN customer_phone_digits TEXT;
  ALTER TABLE orders ADD COLUMN total INTEGER;
  ALTER TABLE orders ADD COLUMN currency TEXT;
  -- Admins search every outlet, newest first.
  CREATE INDEX orders_created ON orders (created_at);
  `,
  `
  -- Drivers: shift, capacity and last known position, read by dispatch. A "declared" position was set
  -- by hand (the seed, POST /delivery), not measured by a device: it does not age and is never shown
  -- to a customer as the driver's whereabouts.
  CREATE TABLE drivers (
    user_id TEXT PRIMARY KEY REFERENCES users (id),
    phone TEXT NOT NULL,
    capacity INTEGER NOT NULL DEFAULT 2,
    on_shift INTEGER NOT NULL DEFAULT 0,
    shift_changed_at INTEGER NOT NULL,
    lat REAL,
    lng REAL,
    position_at INTEGER,
    accuracy REAL,
    position_declared INTEGER NOT NULL DEFAULT 0,
    -- The fair queue: least recently served first (device times of the assigned and delivered/failed events).
    last_assigned_at INTEGER,
    last_delivery_ended_at INTEGER
  );
  -- Driver accounts from before this table existed get a row, off shift and with no position.
  INSERT INTO drivers (user_id, phone, shift_changed_at) SELECT id, '', created_at FROM users WHERE role = 'driver';
  -- Every position a driver's device uploaded; at = device time, received_at = server time.
  CREATE TABLE breadcrumbs (
    driver_id TEXT NOT NULL,
    lat REAL NOT NULL,
    lng REAL NOT NULL,
    at INTEGER NOT NULL,
    accuracy REAL,
    received_at INTEGER NOT NULL
  );
  CREATE INDEX breadcrumbs_driver ON breadcrumbs (driver_id, at);
  -- The one pending offer per order (server clock), kept so dispatch survives a restart.
  CREATE TABLE dispatch_offers (
    order_id TEXT PRIMARY KEY,
    driver_id TEXT NOT NULL,
    offered_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    offer TEXT NOT NULL
  );
  -- Drivers who declined an order, let its offer time out, or were taken off it.
  CREATE TABLE dispatch_exclusions (
    order_id TEXT NOT NULL,
    driver_id TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('declined', 'timeout', 'unassigned')),
    at INTEGER NOT NULL,
    PRIMARY KEY (order_id, driver_id)
  ) WITHOUT ROWID;
  -- When the current driver was assigned (GET /delivery/{id}: their latest order).
  ALTER TABLE orders ADD COLUMN assigned_at INTEGER;
  -- Deliveries waiting for a driver, found again at start.
  CREATE INDEX orders_awaiting_driver ON orders (created_at) WHERE driver_id IS NULL AND type = 'delivery';
  `,
  `
  -- Which user (or the server) writes under each Yjs client id of a document: a device may write
  -- only its own client ids, so nobody can claim another device's next clocks.
  CREATE TABLE doc_clients (
    doc TEXT NOT NULL,
    client INTEGER NOT NULL,
    owner TEXT NOT NULL,
    PRIMARY KEY (doc, client)
  ) WITHOUT ROWID;
  `,
  `
  -- A disabled user cannot sign in and their tokens stop working. A token carries the token_version
  -- it was issued under; raising the version revokes every token of that user at once.
  ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE users ADD COLUMN token_version INTEGER NOT NULL DEFAULT 0;
  `,
  `
  -- One row per proof-of-delivery file (DATA_DIR/proofs/<order_id>/<proof_id>.<ext>): the per-order caps
  -- count these, and the retention sweep deletes a finished order's files, then its rows.
  CREATE TABLE proofs (
    order_id TEXT NOT NULL,
    proof_id TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    stored_at INTEGER NOT NULL,
    PRIMARY KEY (order_id, proof_id)
  ) WITHOUT ROWID;
  -- The breadcrumb retention sweep deletes by device time across all drivers.
  CREATE INDEX breadcrumbs_at ON breadcrumbs (at);
  `,
  `
  -- The outlet watch looks at the orders no outlet has answered yet, every few seconds.
  CREATE INDEX orders_placed ON orders (outlet_id, created_at) WHERE status = 'placed';
  `,
  `
  -- FCM registration tokens of signed-in devices (POST /api/devices). A token is one browser's push
  -- subscription, so it belongs to one user at a time: registering it again moves it. device_id is the
  -- id the device's sync socket announces, so a device with a live socket is not woken.
  CREATE TABLE device_push_tokens (
    token TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    app TEXT NOT NULL CHECK (app IN ('outlet', 'driver', 'admin')),
    device_id TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX device_push_tokens_user ON device_push_tokens (user_id, updated_at);
  -- Customers' browsers following one order through its tracking link (POST /api/track/<token>/push).
  -- Keyed by link and token together: one browser may follow several orders with the same FCM token.
  CREATE TABLE track_push_tokens (
    tracking_token TEXT NOT NULL,
    token TEXT NOT NULL,
    order_id TEXT NOT NULL REFERENCES orders (id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (tracking_token, token)
  ) WITHOUT ROWID;
  -- FCM reports a token unregistered by the token alone.
  CREATE INDEX track_push_tokens_token ON track_push_tokens (token);
  `,
  `
  -- The order state wake-ups were last decided for (orderWakes.ts): each transition is announced once,
  -- however many commits, nodes or restarts see it. Orders from before start at their state now.
  CREATE TABLE order_wake_marks (
    order_id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    driver_id TEXT
  );
  INSERT INTO order_wake_marks (order_id, status, driver_id) SELECT id, status, driver_id FROM orders;
  `,
  `
  -- How each order went, for stats and exports (GET /api/admin/stats, /api/admin/orders.csv): the times
  -- of its applied events (device clocks) and the promise made at acceptance, written by the timings
  -- projection after every commit (see shared/order/orderTimings.ts). timings_version NULL: not written
  -- yet; orders from before this migration are filled in from their documents at start.
  ALTER TABLE orders ADD COLUMN accepted_at INTEGER;
  ALTER TABLE orders ADD COLUMN prep_minutes INTEGER;
  ALTER TABLE orders ADD COLUMN delay_minutes INTEGER;
  ALTER TABLE orders ADD COLUMN ready_at INTEGER;
  ALTER TABLE orders ADD COLUMN picked_up_at INTEGER;
  ALTER TABLE orders ADD COLUMN finished_at INTEGER;
  ALTER TABLE orders ADD COLUMN promised_at INTEGER;
  ALTER TABLE orders ADD COLUMN late INTEGER;
  ALTER TABLE orders ADD COLUMN end_reason TEXT;
  ALTER TABLE orders ADD COLUMN cash_due INTEGER;
  ALTER TABLE orders ADD COLUMN timings_version INTEGER;
  CREATE INDEX orders_timings ON orders (timings_version);
  -- Drivers' deliveries of the day (GET /api/admin/users).
  CREATE INDEX orders_finished ON orders (finished_at) WHERE finished_at IS NOT NULL;
  `,
];

export function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let v = version; v < MIGRATIONS.length; v++) {
    const sql = MIGRATIONS[v];
    if (sql === undefined) break;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
