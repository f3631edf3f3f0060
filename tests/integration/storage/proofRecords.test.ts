import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newOrderId, type OrderId } from '../../../shared/ids';
import type { OrderStatus } from '../../../shared/order/status';
import { ProofStore } from '../../../sync-server/proofs/proofStore';
import { ProofRecords } from '../../../sync-server/storage/proofRecords';
import { insertOrderRow } from '../support/orderRows';
import { tempDataDir } from '../support/server';
import { DIALECTS, useTestStorage, type Dialect, type TestStorage } from '../support/sqlStorage';

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const proofId = (n: number): string => sha(Uint8Array.of(n));

const addOrder = (storage: TestStorage, status: OrderStatus, updatedAt: number): Promise<OrderId> =>
  insertOrderRow(storage.db, { status, updated_at: updatedAt });

describe.each(DIALECTS)('proof records stored on %s', (dialect: Dialect) => {
  const storage = useTestStorage(dialect);
  const repo = (): ProofRecords => new ProofRecords(storage().db);

  it('total nothing for an order without proofs', async () => {
    expect(await repo().totals(newOrderId())).toEqual({ count: 0, bytes: 0 });
  });

  it('add up each order’s proofs on their own, a proof recorded again counting once with its first size', async () => {
    const [a, b] = [newOrderId(), newOrderId()];
    await repo().insert(a, proofId(1), 1_000, 1);
    await repo().insert(a, proofId(2), 2_500, 2);
    await repo().insert(a, proofId(1), 9_999, 3);
    await repo().insert(b, proofId(1), 700, 4);
    expect(await repo().totals(a)).toEqual({ count: 2, bytes: 3_500 });
    expect(await repo().totals(b)).toEqual({ count: 1, bytes: 700 });
    const first = await storage()
      .db.selectFrom('proofs')
      .select(['bytes', 'stored_at'])
      .where('order_id', '=', a)
      .orderBy('stored_at')
      .execute();
    expect(first).toEqual([
      { bytes: 1_000, stored_at: 1 },
      { bytes: 2_500, stored_at: 2 },
    ]);
  });

  it('list orders with proofs that finished before a time: every finished status, not open ones, not at the time itself', async () => {
    const cutoff = 1_700_000_000_000;
    const finished = await Promise.all(
      (['delivered', 'rejected', 'cancelled', 'failed'] as const).map((status) => addOrder(storage(), status, cutoff - 1)),
    );
    const open = await Promise.all((['placed', 'accepted', 'ready', 'picked_up'] as const).map((s) => addOrder(storage(), s, cutoff - 1)));
    const justThen = await addOrder(storage(), 'delivered', cutoff);
    const withoutProofs = await addOrder(storage(), 'delivered', cutoff - 1);
    for (const id of [...finished, ...open, justThen]) {
      await repo().insert(id, proofId(1), 10, 1);
      await repo().insert(id, proofId(2), 10, 1);
    }
    expect(await repo().ordersFinishedBefore(cutoff, 100)).toEqual([...finished].sort());
    expect(await repo().ordersFinishedBefore(cutoff + 1, 100)).toEqual([...finished, justThen].sort());
    expect(await repo().ordersFinishedBefore(cutoff + 1, 100)).not.toContain(withoutProofs);
  });

  it('list at most `limit` orders a time, so a sweep deleting batch after batch reaches every one', async () => {
    const orders = await Promise.all(Array.from({ length: 7 }, (_, i) => addOrder(storage(), 'delivered', 1_000 + i)));
    for (const id of orders) for (const n of [1, 2, 3]) await repo().insert(id, proofId(n), 10, 1);
    const batches: number[] = [];
    for (;;) {
      const batch = await repo().ordersFinishedBefore(2_000, 3);
      batches.push(batch.length);
      if (batch.length === 0) break;
      for (const id of batch) await repo().deleteOrder(id);
    }
    expect(batches).toEqual([3, 3, 1, 0]);
    expect(await storage().db.selectFrom('proofs').selectAll().execute()).toEqual([]);
  });

  it('delete the rows of one order only', async () => {
    const [a, b] = [newOrderId(), newOrderId()];
    await repo().insert(a, proofId(1), 10, 1);
    await repo().insert(b, proofId(1), 20, 1);
    await repo().deleteOrder(a);
    await repo().deleteOrder(a);
    expect(await repo().totals(a)).toEqual({ count: 0, bytes: 0 });
    expect(await repo().totals(b)).toEqual({ count: 1, bytes: 20 });
  });
});

describe.each(DIALECTS)('proof photos with their records on %s', (dialect: Dialect) => {
  const storage = useTestStorage(dialect);
  const photo = (size: number): Uint8Array => new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size - 4)]));
  const store = (limits: { perOrder: number; bytesPerOrder: number }): { proofs: ProofStore; dir: string } => {
    const dir = path.join(tempDataDir('proofs'), 'proofs');
    return { proofs: new ProofStore(dir, new ProofRecords(storage().db), limits), dir };
  };

  it('take only as many photos as the cap when many arrive at once, then take re-uploads of those stored', async () => {
    const { proofs, dir } = store({ perOrder: 5, bytesPerOrder: 1024 * 1024 });
    const order = newOrderId();
    const photos = Array.from({ length: 12 }, () => photo(256));
    const outcomes = await Promise.all(photos.map((p) => proofs.put(order, sha(p), 'image/jpeg', p, 1)));
    expect(outcomes.filter((o) => o.kind === 'created')).toHaveLength(5);
    expect(outcomes.filter((o) => o.kind === 'too_many')).toHaveLength(7);
    expect(fs.readdirSync(path.join(dir, order))).toHaveLength(5);
    expect(await new ProofRecords(storage().db).totals(order)).toEqual({ count: 5, bytes: 5 * 256 });
    const kept = photos.filter((_, i) => outcomes[i]?.kind === 'created');
    for (const p of kept) expect((await proofs.put(order, sha(p), 'image/jpeg', p, 2)).kind).toBe('exists');
  });

  it('take photos up to the byte cap of each order, refusing the one that would pass it, cap after cap', async () => {
    const { proofs } = store({ perOrder: 100, bytesPerOrder: 1_000 });
    for (const order of [newOrderId(), newOrderId(), newOrderId()]) {
      const put = (p: Uint8Array): Promise<string> => proofs.put(order, sha(p), 'image/jpeg', p, 1).then((o) => o.kind);
      for (const size of [400, 400, 200]) expect(await put(photo(size))).toBe('created');
      expect(await put(photo(5))).toBe('too_large');
      await proofs.deleteOrder(order);
      const again = photo(1_000);
      expect((await proofs.put(order, sha(again), 'image/jpeg', again, 2)).kind).toBe('created');
    }
  });
});
