import { describe, expect, it } from 'vitest';
import { newUserId, OrderIdSchema, type OrderId } from '../../../shared/ids';
import { DispatchState } from '../../../sync-server/storage/dispatchState';
import { offerRow } from '../support/offerRows';
import { DIALECTS, useTestStorage, type Dialect } from '../support/sqlStorage';

const orderId = (id: string): OrderId => OrderIdSchema.parse(id);

describe.each(DIALECTS)('dispatch state stored on %s', (dialect: Dialect) => {
  const storage = useTestStorage(dialect);
  const state = (): DispatchState => new DispatchState(storage().db);

  it('has no offers and no exclusions before dispatch made any', async () => {
    expect(await state().offers()).toEqual([]);
    expect(await state().offer(orderId('o-1'))).toBeNull();
    expect(await state().exclusions(orderId('o-1'))).toEqual(new Map());
  });

  it('gives an offer back exactly as stored, the inbox offer with it', async () => {
    const row = offerRow(orderId('o-1'), newUserId(), 1_700_000_000_000);
    await state().putOffer(row);
    expect(await state().offer(row.orderId)).toEqual(row);
    expect(await state().offers()).toEqual([row]);
  });

  it('keeps one offer per order: a new one (another driver, a longer window) replaces the last, again and again', async () => {
    const order = orderId('o-1');
    let row = offerRow(order, newUserId(), 1_000);
    for (let round = 1; round <= 4; round++) {
      await state().putOffer(row);
      expect(await state().offers()).toEqual([row]);
      row = round % 2 === 0 ? offerRow(order, newUserId(), 1_000 + round * 100) : { ...row, expiresAt: row.expiresAt + 30_000 };
    }
  });

  it('lists pending offers oldest first, offers made at the same time by order id in byte order', async () => {
    const driver = newUserId();
    const rows = [offerRow(orderId('b'), driver, 2_000), offerRow(orderId('a'), driver, 3_000), offerRow(orderId('c'), driver, 2_000)];
    rows.push(offerRow(orderId('B'), driver, 2_000));
    for (const row of rows) await state().putOffer(row);
    expect((await state().offers()).map((r) => r.orderId)).toEqual(['B', 'b', 'c', 'a']);
  });

  it('deletes the offer of one order only, and deleting one that is gone does nothing', async () => {
    const driver = newUserId();
    await state().putOffer(offerRow(orderId('o-1'), driver, 1_000));
    await state().putOffer(offerRow(orderId('o-2'), driver, 2_000));
    await state().deleteOffer(orderId('o-1'));
    await state().deleteOffer(orderId('o-1'));
    expect((await state().offers()).map((r) => r.orderId)).toEqual(['o-2']);
  });

  it('keeps drivers excluded per order, a later reason replacing an earlier one', async () => {
    const [ravi, asha] = [newUserId(), newUserId()];
    const [first, second] = [orderId('o-1'), orderId('o-2')];
    await state().exclude(first, ravi, 'declined', 1_000);
    await state().exclude(first, asha, 'timeout', 2_000);
    await state().exclude(second, ravi, 'timeout', 3_000);
    await state().exclude(first, ravi, 'unassigned', 4_000);
    expect(await state().exclusions(first)).toEqual(
      new Map([
        [ravi, 'unassigned'],
        [asha, 'timeout'],
      ]),
    );
    expect(await state().exclusions(second)).toEqual(new Map([[ravi, 'timeout']]));
    const stored = await storage().db.selectFrom('dispatch_exclusions').select('at').where('order_id', '=', first).orderBy('at').execute();
    expect(stored.map((r) => r.at)).toEqual([2_000, 4_000]);
  });

  it('starts a new round round after round: those who declined or let it lapse may be asked again, those taken off stay out', async () => {
    const order = orderId('o-1');
    const other = orderId('o-2');
    const takenOff = newUserId();
    await state().exclude(order, takenOff, 'unassigned', 1);
    await state().exclude(other, takenOff, 'declined', 1);
    for (let round = 1; round <= 3; round++) {
      const [declined, lapsed] = [newUserId(), newUserId()];
      await state().exclude(order, declined, 'declined', round * 10);
      await state().exclude(order, lapsed, 'timeout', round * 10 + 1);
      expect((await state().exclusions(order)).size).toBe(3);
      await state().clearRound(order);
      expect(await state().exclusions(order)).toEqual(new Map([[takenOff, 'unassigned']]));
    }
    expect(await state().exclusions(other)).toEqual(new Map([[takenOff, 'declined']]));
  });
});
