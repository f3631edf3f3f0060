import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newOrderId, newTrackingToken, newUserId, type OrderId, type OutletId, type UserId } from '../../../shared/ids';
import type { Clock } from '../../../sync-server/clock';
import { createLogger } from '../../../sync-server/log';
import type { PositionFix } from '../../../sync-server/presence/driverPresence';
import { ProofStore } from '../../../sync-server/proofs/proofStore';
import { RetentionSweeper } from '../../../sync-server/retention/retentionSweeper';
import type { Kysely } from 'kysely';
import { Breadcrumbs } from '../../../sync-server/storage/breadcrumbs';
import type { Db } from '../../../sync-server/storage/db';
import { openSqlStorage, type SqlStorage } from '../../../sync-server/storage/sql/open';
import type { Database } from '../../../sync-server/storage/sql/schema';
import { OrderIndex } from '../../../sync-server/storage/orderIndex';
import { ProofRecords } from '../../../sync-server/storage/proofRecords';
import { tempDataDir } from '../support/server';
import { silentLog } from '../support/sqlStorage';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BREADCRUMB_RETENTION = 7 * DAY;
const PROOF_RETENTION = 90 * DAY;

/** Server time as the sweeper sees it: real time moved on by `shift`, so rows stamped with Date.now() age with it. */
class ShiftedClock implements Clock {
  shift = 0;
  now(): number {
    return Date.now() + this.shift;
  }
  after(): () => void {
    return () => undefined;
  }
}

let dataDir: string;
let opened: SqlStorage;
let db: Db;
let sql: Kysely<Database>;
let clock: ShiftedClock;
let breadcrumbs: Breadcrumbs;
let orders: OrderIndex;
let proofs: ProofStore;
let sweeper: RetentionSweeper;

beforeEach(async () => {
  dataDir = tempDataDir('retention');
  opened = await openSqlStorage({ dialect: 'sqlite', dataDir, sync: 'normal' }, silentLog);
  if (opened.sqlite === null) throw new Error('SQLite storage without its handle');
  db = opened.sqlite;
  sql = opened.db;
  clock = new ShiftedClock();
  breadcrumbs = new Breadcrumbs(sql, Number.MAX_SAFE_INTEGER);
  orders = new OrderIndex(db);
  const proofRecords = new ProofRecords(db);
  proofs = new ProofStore(path.join(dataDir, 'proofs'), proofRecords, { perOrder: 5, bytesPerOrder: 1024 * 1024 });
  sweeper = new RetentionSweeper({
    breadcrumbs,
    proofRecords,
    proofs,
    clock,
    log: createLogger('silent'),
    breadcrumbRetentionMs: BREADCRUMB_RETENTION,
    proofRetentionMs: PROOF_RETENTION,
    sweepEveryMs: HOUR,
  });
});
afterEach(async () => {
  await sweeper.close();
  await opened.close();
});

const trail = async (driverId: UserId): Promise<number[]> =>
  (await sql.selectFrom('breadcrumbs').select('at').where('driver_id', '=', driverId).orderBy('at').execute()).map((r) => r.at);
const fix = (at: number): PositionFix => ({ lat: 12.97, lng: 77.6, at, accuracy: null });

function placeOrder(): OrderId {
  const id = newOrderId();
  orders.insert(
    {
      id,
      outletId: 'demo-outlet' as OutletId,
      driverId: null,
      trackingToken: newTrackingToken(),
      status: 'placed',
      createdAt: Date.now(),
      type: 'delivery',
      source: 'online',
      customerName: 'Meera',
      customerPhone: '+91 98450 00000',
      total: 25_000,
      currency: 'INR',
    },
    null,
  );
  return id;
}

/** Marks the order finished `ago` before the sweeper's now (the index stamps updates with the real time). */
function finish(id: OrderId, ago: number): void {
  orders.update(id, null, 'delivered', null);
  db.prepare('UPDATE orders SET updated_at = ? WHERE id = ?').run(clock.now() - ago, id);
}

function storeProof(orderId: OrderId): string {
  const bytes = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(256)]));
  const proofId = createHash('sha256').update(bytes).digest('hex');
  expect(proofs.put(orderId, proofId, 'image/jpeg', bytes, clock.now()).kind).toBe('created');
  return proofId;
}

const proofRows = (orderId: OrderId): number =>
  db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM proofs WHERE order_id = ?').get(orderId)?.n ?? 0;

describe('retention sweep', () => {
  it('deletes breadcrumbs once they are older than the retention, sweep after sweep, and keeps every newer one', async () => {
    const driver = newUserId();
    const t0 = Date.now();
    // One point every 6 hours over the last 10 days: some are past the retention already, the rest pass it as the clock moves.
    // Half an hour off the 6-hour grid, so no point sits on a cutoff the sweep and the check compute ms apart.
    const times = Array.from({ length: 39 }, (_, i) => t0 - 10 * DAY + i * 6 * HOUR + HOUR / 2);
    await breadcrumbs.append(driver, times.map(fix), t0);
    expect(await trail(driver)).toEqual(times);
    for (const shift of [0, 2 * DAY, 2 * DAY + HOUR, 4 * DAY, 9 * DAY]) {
      clock.shift = shift;
      await sweeper.sweep();
      await sweeper.sweep(); // a second sweep at the same time finds nothing more to delete
      const cutoff = clock.now() - BREADCRUMB_RETENTION;
      expect(await trail(driver)).toEqual(times.filter((at) => at >= cutoff));
    }
    expect(await trail(driver)).toEqual([]);
  });

  it('deletes the proof files and rows of orders finished longer ago than the retention, and nothing of open or newer ones', async () => {
    const open = placeOrder();
    const finishedAgo = [100 * DAY, 89 * DAY, 80 * DAY, 30 * DAY, 1 * DAY];
    const finished = finishedAgo.map((ago) => {
      const id = placeOrder();
      finish(id, ago);
      return id;
    });
    const stored = new Map<OrderId, string[]>([open, ...finished].map((id) => [id, [storeProof(id), storeProof(id)]]));
    const finishedAt = new Map(finished.map((id, i) => [id, clock.now() - (finishedAgo[i] ?? 0)]));

    for (const shift of [0, 0, 5 * DAY, 20 * DAY, 70 * DAY, 95 * DAY]) {
      clock.shift = shift;
      await sweeper.sweep();
      const cutoff = clock.now() - PROOF_RETENTION;
      for (const [id, proofIds] of stored) {
        const expired = (finishedAt.get(id) ?? Number.POSITIVE_INFINITY) < cutoff;
        expect(proofRows(id), `${id} rows`).toBe(expired ? 0 : 2);
        expect(fs.existsSync(path.join(dataDir, 'proofs', id)), `${id} folder`).toBe(!expired);
        for (const proofId of proofIds) expect(proofs.get(id, proofId) === null).toBe(expired);
      }
    }
    // Only the order that never finished keeps its proofs; the rest passed the retention one by one.
    expect(finished.map(proofRows)).toEqual([0, 0, 0, 0, 0]);
    expect(proofRows(open)).toBe(2);
  });
});
