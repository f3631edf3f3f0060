import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { OrderIdSchema } from '../../../../../../shared/ids';
import { enterPhoneOrder, discardPhoneOrder } from '../../../../../../client/outlet/model/phoneOrders/phoneOrderCommands';
import { OutboxGate } from '../../../../../../client/outlet/model/phoneOrders/outboxGate';
import { openDabbaDb } from '../../../../../../client/common/store/db';
import { OTHER_OUTLET_ID, OUTLET_ACTOR } from '../../../../shared/order/fixtures';
import { catalogOf, outletDoc } from '../../../support/outletFixtures';
import { ENTERED_AT, phoneRequest } from '../../../support/phoneOrders';

let serial = 0;
function context() {
  const db = openDabbaDb(`phone-commands-${++serial}`);
  let wakes = 0;
  return {
    db,
    ctx: {
      actor: OUTLET_ACTOR,
      db,
      wakeOutbox: () => {
        wakes += 1;
      },
      gate: new OutboxGate(),
    },
    wakes: () => wakes,
  };
}
const catalog = () => catalogOf(outletDoc());

describe('entering a phone order', () => {
  it('queues a valid order with its own idempotency key and the device time, and wakes the outbox', async () => {
    const { db, ctx, wakes } = context();
    expect(await enterPhoneOrder(ctx, phoneRequest(), catalog(), null, ENTERED_AT)).toEqual({ ok: true });
    const [row] = await db.phoneOrders.toArray();
    expect(row?.key).toMatch(/^phone-[A-Za-z0-9_-]{22}$/);
    expect(row?.request).toEqual(phoneRequest());
    expect(row?.state).toBe('waiting');
    expect(wakes()).toBe(1);
  });

  it('refuses what the server would always refuse, without queueing it', async () => {
    const { db, ctx } = context();
    const cases: [unknown, RegExp][] = [
      [phoneRequest({ customer: { name: 'Meera', phone: 'call me' } }), /phone number/],
      [phoneRequest({ type: 'delivery' }), /address/],
      [phoneRequest({ type: 'dine-in' }), /table/],
      [phoneRequest({ items: [] }), /at least one item/],
      [phoneRequest({ items: [{ itemId: 'biryani', qty: 1 }] }), /no item "biryani"/],
      [phoneRequest({ items: [{ itemId: 'thali', qty: 1 }] }), /choose 1 of "Size"/],
    ];
    for (const [draft, message] of cases) {
      const outcome = await enterPhoneOrder(ctx, draft, catalog(), null, ENTERED_AT);
      expect(outcome.ok ? '' : outcome.error.message).toMatch(message);
    }
    expect(await db.phoneOrders.count()).toBe(0);
  });

  it('refuses an item staff marked unavailable', async () => {
    const { ctx } = context();
    const doc = outletDoc();
    doc.getMap('availability').set('chai', { available: false });
    const outcome = await enterPhoneOrder(ctx, phoneRequest(), catalogOf(doc), null, ENTERED_AT);
    expect(outcome).toEqual({ ok: false, error: { code: 'refused', message: 'Chai is not available right now.' } });
  });

  it('queues an order the server may still refuse for the moment (paused), and leaves that to the server', async () => {
    const { db, ctx } = context();
    const doc = outletDoc();
    doc.getMap('status').set('paused', { until: null, reason: 'busy', at: ENTERED_AT });
    expect(await enterPhoneOrder(ctx, phoneRequest(), catalogOf(doc), null, ENTERED_AT)).toEqual({ ok: true });
    expect(await db.phoneOrders.count()).toBe(1);
  });

  it('refuses orders for another outlet and needs the menu on the device', async () => {
    const { ctx } = context();
    expect((await enterPhoneOrder(ctx, phoneRequest({ outletId: OTHER_OUTLET_ID }), catalog(), null, ENTERED_AT)).ok).toBe(false);
    expect((await enterPhoneOrder(ctx, phoneRequest(), null, null, ENTERED_AT)).ok).toBe(false);
  });

  it('does not discard an entry that was already placed: the order is real now', async () => {
    const { db, ctx } = context();
    await enterPhoneOrder(ctx, phoneRequest(), catalog(), null, ENTERED_AT);
    const [row] = await db.phoneOrders.toArray();
    if (!row) throw new Error('no entry');
    await db.phoneOrders.put({ ...row, state: 'placed', orderId: OrderIdSchema.parse('o1') });
    expect((await discardPhoneOrder(ctx, row.key)).ok).toBe(false);
    expect(await db.phoneOrders.count()).toBe(1);
  });
});
