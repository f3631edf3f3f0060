import { describe, expect, it } from 'vitest';
import { newUserId, OrderIdSchema } from '../../../shared/ids';
import { DispatchFence, FenceLost } from '../../../sync-server/storage/dispatchFence';
import { DispatchState } from '../../../sync-server/storage/dispatchState';
import { DocStore } from '../../../sync-server/storage/docStore';
import { offerRow } from '../support/offerRows';
import { DIALECTS, useTestStorage, type Dialect } from '../support/sqlStorage';

const ORDER = OrderIdSchema.parse('o-fenced');

describe.each(DIALECTS)('the dispatch fence on %s', (dialect: Dialect) => {
  const storage = useTestStorage(dialect);
  const fence = (): DispatchFence => new DispatchFence(storage().db);

  it('lets a term claim only a token above every one claimed before, and says which is the highest', async () => {
    expect(await fence().highest()).toBe(0);
    expect(await fence().claim(1)).toEqual({ claimed: true });
    expect(await fence().claim(1)).toEqual({ claimed: false, highest: 1 });
    expect(await fence().claim(5)).toEqual({ claimed: true });
    expect(await fence().claim(3)).toEqual({ claimed: false, highest: 5 });
    expect(await fence().highest()).toBe(5);
  });

  it('refuses every dispatch write of a term once a newer one claimed, and stores none of it', async () => {
    await fence().claim(1);
    const deposed = new DispatchState(storage().db, fence().guard(1));
    const first = offerRow(ORDER, newUserId(), 1_000);
    await deposed.putOffer(first);

    await fence().claim(2);
    await expect(deposed.putOffer(offerRow(ORDER, newUserId(), 2_000))).rejects.toBeInstanceOf(FenceLost);
    await expect(deposed.deleteOffer(ORDER)).rejects.toBeInstanceOf(FenceLost);
    await expect(deposed.exclude(ORDER, first.driverId, 'timeout', 3_000)).rejects.toBeInstanceOf(FenceLost);
    const reader = new DispatchState(storage().db);
    expect(await reader.offers()).toEqual([first]);
    expect(await reader.exclusions(ORDER)).toEqual(new Map());

    const leader = new DispatchState(storage().db, fence().guard(2));
    await leader.deleteOffer(ORDER);
    expect(await reader.offers()).toEqual([]);
  });

  it('rolls back a document append made with a deposed term’s fence, so the seq stays free for the leader', async () => {
    const docs = new DocStore(storage().db);
    await fence().claim(1);
    await fence().claim(2);
    await expect(docs.append('order:o-fenced', 1, new Uint8Array([1]), [], fence().guard(1))).rejects.toBeInstanceOf(FenceLost);
    expect((await docs.since('order:o-fenced', 0)).lastSeq).toBe(0);
    await docs.append('order:o-fenced', 1, new Uint8Array([2]), [], fence().guard(2));
    expect((await docs.since('order:o-fenced', 0)).updates).toEqual([new Uint8Array([2])]);
  });

  it('orders a claim and a deposed leader’s write that meet: the write that waited for the claim is refused', async () => {
    await fence().claim(1);
    const deposed = new DispatchState(storage().db, fence().guard(1));
    let commitClaim = (): void => undefined;
    const claimHeld = new Promise<void>((resolve) => {
      commitClaim = resolve;
    });
    let claimMade = (): void => undefined;
    const claimed = new Promise<void>((resolve) => {
      claimMade = resolve;
    });
    const claim = storage()
      .db.transaction()
      .execute(async (trx) => {
        await new DispatchFence(trx).claim(2);
        claimMade();
        await claimHeld;
      });
    await claimed;
    const write = deposed.putOffer(offerRow(ORDER, newUserId(), 1_000));
    const outcome = write.then(
      () => 'stored',
      (err: unknown) => (err instanceof FenceLost ? 'refused' : String(err)),
    );
    await new Promise((r) => setTimeout(r, 100));
    commitClaim();
    await claim;
    expect(await outcome).toBe('refused');
    expect(await new DispatchState(storage().db).offers()).toEqual([]);
  });
});
