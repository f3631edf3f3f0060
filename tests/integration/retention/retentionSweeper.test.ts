import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newUserId, type OrderId, type UserId } from '../../../shared/ids';
import type { Clock } from '../../../sync-server/clock';
import type { PositionFix } from '../../../sync-server/presence/driverPresence';
import { ProofStore } from '../../../sync-server/proofs/proofStore';
import { RetentionSweeper } from '../../../sync-server/retention/retentionSweeper';
import { Breadcrumbs } from '../../../sync-server/storage/breadcrumbs';
import { ProofRecords } from '../../../sync-server/storage/proofRecords';
import { insertOrderRow } from '../support/orderRows';
import { tempDataDir } from '../support/server';
import { DIALECTS, silentLog, useTestStorage, type Dialect } from '../support/sqlStorage';

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

const fix = (at: number): PositionFix => ({ lat: 12.97, lng: 77.6, at, accuracy: null });

describe.each(DIALECTS)('retention sweep on %s', (dialect: Dialect) => {
  const storage = useTestStorage(dialect);
  let dataDir: string;
  let clock: ShiftedClock;
  let breadcrumbs: Breadcrumbs;
  let proofs: ProofStore;
  let sweeper: RetentionSweeper;

  beforeEach(() => {
    dataDir = tempDataDir('retention');
    clock = new ShiftedClock();
    breadcrumbs = new Breadcrumbs(storage().db, Number.MAX_SAFE_INTEGER);
    const proofRecords = new ProofRecords(storage().db);
    proofs = new ProofStore(path.join(dataDir, 'proofs'), proofRecords, { perOrder: 5, bytesPerOrder: 1024 * 1024 });
    sweeper = new RetentionSweeper({
      breadcrumbs,
      proofRecords,
      proofs,
      clock,
      log: silentLog,
      breadcrumbRetentionMs: BREADCRUMB_RETENTION,
      proofRetentionMs: PROOF_RETENTION,
      sweepEveryMs: HOUR,
    });
  });
  afterEach(() => sweeper.close());

  const trail = async (driverId: UserId): Promise<number[]> =>
    (await storage().db.selectFrom('breadcrumbs').select('at').where('driver_id', '=', driverId).orderBy('at').execute()).map((r) => r.at);

  const placeOrder = (): Promise<OrderId> => insertOrderRow(storage().db, { status: 'placed' });

  /** Marks the order delivered `ago` before the sweeper's now. */
  async function finish(id: OrderId, ago: number): Promise<void> {
    await storage()
      .db.updateTable('orders')
      .set({ status: 'delivered', updated_at: clock.now() - ago })
      .where('id', '=', id)
      .execute();
  }

  async function storeProof(orderId: OrderId): Promise<string> {
    const bytes = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(256)]));
    const proofId = createHash('sha256').update(bytes).digest('hex');
    expect((await proofs.put(orderId, proofId, 'image/jpeg', bytes, clock.now())).kind).toBe('created');
    return proofId;
  }

  const proofRows = async (orderId: OrderId): Promise<number> =>
    (await storage().db.selectFrom('proofs').select('proof_id').where('order_id', '=', orderId).execute()).length;

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
    const open = await placeOrder();
    const finishedAgo = [100 * DAY, 89 * DAY, 80 * DAY, 30 * DAY, 1 * DAY];
    const finished: OrderId[] = [];
    for (const ago of finishedAgo) {
      const id = await placeOrder();
      await finish(id, ago);
      finished.push(id);
    }
    const stored = new Map<OrderId, string[]>();
    for (const id of [open, ...finished]) stored.set(id, [await storeProof(id), await storeProof(id)]);
    const finishedAt = new Map(finished.map((id, i) => [id, clock.now() - (finishedAgo[i] ?? 0)]));

    for (const shift of [0, 0, 5 * DAY, 20 * DAY, 70 * DAY, 95 * DAY]) {
      clock.shift = shift;
      await sweeper.sweep();
      const cutoff = clock.now() - PROOF_RETENTION;
      for (const [id, proofIds] of stored) {
        const expired = (finishedAt.get(id) ?? Number.POSITIVE_INFINITY) < cutoff;
        expect(await proofRows(id), `${id} rows`).toBe(expired ? 0 : 2);
        expect(fs.existsSync(path.join(dataDir, 'proofs', id)), `${id} folder`).toBe(!expired);
        for (const proofId of proofIds) expect(proofs.get(id, proofId) === null).toBe(expired);
      }
    }
    // Only the order that never finished keeps its proofs; the rest passed the retention one by one.
    expect(await Promise.all(finished.map(proofRows))).toEqual([0, 0, 0, 0, 0]);
    expect(await proofRows(open)).toBe(2);
  });
});
