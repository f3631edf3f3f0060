import { randomBytes } from 'node:crypto';
import type { Insertable } from 'kysely';
import { createLogger } from '../../sync-server/log';
import { openSqlStorage, type SqlTarget } from '../../sync-server/storage/sql/open';
import type { OrdersTable } from '../../sync-server/storage/sql/schema';
import { TIMINGS_VERSION } from '../../sync-server/storage/orderTimingsIndex';

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 1_000;
/** Past drivers the history is spread over: each carries a long record, as drivers of a city do after months. */
const PAST_DRIVERS = 50;

/**
 * One finished past order as the order index holds it. Most were delivered by a driver; a few deliveries
 * ended without one (cancelled, rejected), which is what the queries for deliveries waiting on a driver
 * have to skip over. Only index rows are written: the pipeline's queries read the index, never old documents.
 */
function pastOrder(i: number, count: number, outletId: string, now: number): Insertable<OrdersTable> {
  const createdAt = now - DAY_MS * 90 + Math.floor((i / count) * DAY_MS * 89);
  const kind = i % 20;
  const status = kind === 0 ? 'cancelled' : kind === 1 ? 'rejected' : 'delivered';
  const delivered = status === 'delivered';
  return {
    id: `past-${i}-${randomBytes(4).toString('hex')}`,
    outlet_id: outletId,
    driver_id: delivered ? `past-driver-${i % PAST_DRIVERS}` : null,
    tracking_token: randomBytes(12).toString('base64url'),
    status,
    created_at: createdAt,
    updated_at: createdAt + 40 * 60_000,
    type: 'delivery',
    source: 'web',
    customer_name: `Past customer ${i}`,
    customer_name_folded: `past customer ${i}`,
    customer_phone: '+919800000000',
    customer_phone_digits: '919800000000',
    total: 45_000,
    currency: 'INR',
    assigned_at: delivered ? createdAt + 10 * 60_000 : null,
    accepted_at: status === 'rejected' ? null : createdAt + 60_000,
    finished_at: createdAt + 40 * 60_000,
    end_reason: delivered ? null : status,
    timings_version: TIMINGS_VERSION,
  };
}

/**
 * Fills the order index with `count` finished orders of the last three months before the run, so the
 * pipeline is measured on a database that has been in use rather than on an empty one.
 */
export async function seedPastOrders(target: SqlTarget, count: number, outletId: string): Promise<void> {
  if (count === 0) return;
  const { db, close } = await openSqlStorage(target, createLogger('error'));
  try {
    const now = Date.now();
    for (let from = 0; from < count; from += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, count - from) }, (_, k) => pastOrder(from + k, count, outletId, now));
      await db.transaction().execute((trx) => trx.insertInto('orders').values(rows).execute());
    }
  } finally {
    await close();
  }
}
