import type { OrderRequest } from '../../../shared/api/orders';
import { newEventId, type OrderId } from '../../../shared/ids';
import type { OrderEvent } from '../../../shared/order/events';
import { appendEvent } from '../../../shared/order/orderDoc';
import type { Config } from '../../config';
import { driverLedger } from '../../dispatch/driverLedger';
import { createLogger, type Logger } from '../../log';
import { placeOrder } from '../../orders/placeOrder';
import { MemoryDriverPresence } from '../../presence/driverPresence';
import { takeOutOfInboxes } from '../../projections/inboxRemoval';
import { orderProjections } from '../../projections/orderProjections';
import { orderTimingsProjection } from '../../projections/orderTimingsProjection';
import { outletDirectory } from '../../projections/outletDirectory';
import { trackDrivers } from '../../projections/trackDrivers';
import type { Kysely } from 'kysely';
import { openSqlStorage, sqlTargetOf } from '../../storage/sql/open';
import type { Database } from '../../storage/sql/schema';
import { DocStore } from '../../storage/docStore';
import { DriverRepo } from '../../storage/drivers';
import { OrderIndex } from '../../storage/orderIndex';
import { OrderTimingsIndex } from '../../storage/orderTimingsIndex';
import { OutletRepo } from '../../storage/outletRepo';
import { UserRepo } from '../../storage/users';
import { DocRegistry } from '../../sync/docRegistry';

/** How long a document the writer let go of stays loaded (see openHistoryWriter). */
const DOC_IDLE_MS = 1_000;

/** An event of a past order, as its author's device stamped it; the writer gives it its id. */
type WithoutId<E> = E extends OrderEvent ? Omit<E, 'id'> : never;
export type PastEvent = WithoutId<OrderEvent>;

/** One past order: what the customer sent, when the server took it, and what happened to it after. */
export interface PastOrder {
  readonly request: OrderRequest;
  readonly placedAt: number;
  readonly events: readonly PastEvent[];
}

/** The storage of a stopped server, with the projections every commit runs through on a live one. */
export interface HistoryWriter {
  readonly sql: Kysely<Database>;
  readonly users: UserRepo;
  readonly outlets: OutletRepo;
  readonly drivers: DriverRepo;
  readonly registry: DocRegistry;
  readonly log: Logger;
  /** Places the order as `POST /api/orders` would have at `placedAt`, then appends its events one commit each. */
  write(order: PastOrder): Promise<OrderId>;
  /** Takes orders that finished before `before` out of the inboxes, as the running server's pruner would have. */
  pruneInboxes(before: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens DATA_DIR for writing history. The hooks are the live server's, minus dispatch and wake-ups:
 * the past has no one to offer work to or wake. Documents unload a second after the last write lets go:
 * the inboxes every order writes stay loaded instead of being read and compacted again per event (about
 * half the queries, each a round trip on PostgreSQL), and an order's document stays only while it is written.
 */
export async function openHistoryWriter(
  config: Pick<Config, 'dataDir' | 'sqliteSync' | 'databaseUrl' | 'compactEvery' | 'logLevel'>,
): Promise<HistoryWriter> {
  const log = createLogger(config.logLevel);
  const opened = await openSqlStorage(sqlTargetOf(config, config.databaseUrl), log);
  const sql = opened.db;
  const users = new UserRepo(sql);
  const outlets = new OutletRepo(sql);
  const drivers = new DriverRepo(sql);
  const orders = new OrderIndex(sql);
  const timings = new OrderTimingsIndex(sql);
  const registry = new DocRegistry(new DocStore(sql), DOC_IDLE_MS, log, config.compactEvery);
  const projections = orderProjections(registry, orders, log, trackDrivers(users, drivers, new MemoryDriverPresence()));
  for (const hooks of [projections, orderTimingsProjection(timings), outletDirectory(outlets), driverLedger(drivers)]) registry.use(hooks);
  const written: OrderId[] = [];

  return {
    sql,
    users,
    outlets,
    drivers,
    registry,
    log,
    async write(order) {
      const placed = await placeOrder(
        // The history is cash: no provider, and no tracking link anyone returns to.
        { registry, orders, afterPlaced: (view) => projections.placed(view), payments: null, log },
        order.request,
        { idempotencyKey: null, source: 'online', staff: false, trackingUrl: () => '' },
        order.placedAt,
      );
      if (!placed.ok) throw new Error(`the order at ${new Date(order.placedAt).toISOString()} was refused: ${placed.error.message}`);
      const { orderId } = placed.value;
      for (const event of order.events) {
        const id = newEventId();
        const applied = await registry.withDoc({ kind: 'order', orderId }, async (doc) => {
          await doc.change((y) => appendEvent(y, { ...event, id }));
          return doc.orderView()?.state.applied.some((e) => e.id === id) ?? false;
        });
        if (!applied)
          throw new Error(`${event.type} at ${new Date(event.at).toISOString()} does not follow from the order's events before it`);
      }
      // Tracking and driver-inbox writes follow each commit asynchronously; one order at a time keeps memory flat.
      await registry.hooksSettled();
      await projections.settled();
      written.push(orderId);
      return orderId;
    },
    async pruneInboxes(before) {
      const finished = [];
      for (const id of written) {
        const row = await orders.get(id);
        const end = (await timings.get(id))?.finishedAt ?? null;
        if (row && end !== null && end < before) finished.push(row);
      }
      await takeOutOfInboxes(registry, finished);
    },
    async close() {
      await registry.closeAll();
      await opened.close();
    },
  };
}
