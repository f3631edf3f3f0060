import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDabbaDb } from '../../../../../client/common/store/db';
import { appendUpdate, markSynced } from '../../../../../client/common/store/updateLog';
import { handOverCash } from '../../../../../client/driver/model/cash/handOverCash';
import { driverPending, waitingCount } from '../../../../../client/driver/model/driverPending';
import { cashLedgerName } from '../../../../../shared/docNames';
import { DRIVER1_ACTOR, DRIVER2_ACTOR } from '../../../shared/order/fixtures';
import { docsOf } from '../../support/orderDocs';

let serial = 0;

describe('what waits to upload on a driver’s phone', () => {
  it('counts a handover recorded offline until the server acknowledged it, in the sign-out warning too', async () => {
    const db = openDabbaDb(`driver-pending-${++serial}`);
    const ledger = new Y.Doc();
    const stored: Promise<number>[] = [];
    // As the sync provider does: each update of a held document is stored, unsynced, before it is sent.
    ledger.on('update', (update: Uint8Array) => stored.push(appendUpdate(db, cashLedgerName(DRIVER1_ACTOR.id), update, true)));
    const ctx = { actor: DRIVER1_ACTOR, docs: docsOf({ [cashLedgerName(DRIVER1_ACTOR.id)]: ledger }) };
    expect(handOverCash(ctx, { kind: 'admin' }, 27_000, 'INR').ok).toBe(true);
    const [rowId] = await Promise.all(stored);
    await appendUpdate(db, cashLedgerName(DRIVER2_ACTOR.id), new Uint8Array([0, 0]), true);

    const pending = await driverPending(db, DRIVER1_ACTOR.id);
    expect(pending).toEqual({ orders: 0, photos: 0, locations: 0, cash: 1 });
    expect(waitingCount(pending, false)).toBe(1);

    await markSynced(db, rowId ?? -1);
    expect((await driverPending(db, DRIVER1_ACTOR.id)).cash).toBe(0);
  });

  it('tells a live query of each count as it moves, the later counts too', async () => {
    const db = openDabbaDb(`driver-pending-${++serial}`);
    const counts: number[] = [];
    let heard: () => void = () => undefined;
    const next = (): Promise<void> => new Promise<void>((resolve) => (heard = resolve));
    const first = next();
    const subscription = liveQuery(() => driverPending(db, DRIVER1_ACTOR.id)).subscribe({
      next: (p) => {
        counts.push(p.cash);
        heard();
      },
    });
    await first;
    const second = next();
    await appendUpdate(db, cashLedgerName(DRIVER1_ACTOR.id), new Uint8Array([0, 0]), true);
    await second;
    subscription.unsubscribe();
    expect(counts).toEqual([0, 1]);
  });
});
