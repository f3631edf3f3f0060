import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { OrderIdSchema } from '../../../../../../shared/ids';
import { NETWORK_ERROR_CODE, type ApiResult } from '../../../../../../client/common/api/http';
import {
  discardPhoneOrder,
  enterPhoneOrder,
  type PhoneOrderContext,
} from '../../../../../../client/outlet/model/phoneOrders/phoneOrderCommands';
import { OutboxGate } from '../../../../../../client/outlet/model/phoneOrders/outboxGate';
import { OutboxRunner } from '../../../../../../client/outlet/model/phoneOrders/outboxRunner';
import { openDabbaDb, type PhoneOrderRow } from '../../../../../../client/common/store/db';
import { phoneOrdersNotOnBoard } from '../../../../../../client/common/store/phoneOrders';
import { projectOrderRow } from '../../../../../../client/common/store/orderRows';
import { OUTLET_ACTOR, OUTLET_ID } from '../../../../shared/order/fixtures';
import { placedOrderDoc } from '../../../support/orderDocs';
import { catalogOf, outletDoc } from '../../../support/outletFixtures';
import { ENTERED_AT, phoneRequest } from '../../../support/phoneOrders';

let serial = 0;
const runners: OutboxRunner[] = [];
afterEach(() => {
  for (const runner of runners.splice(0)) runner.stop();
});

/** A device's outbox with a scripted server: each send takes the next answer. */
function device(answers: ApiResult[]) {
  const db = openDabbaDb(`outbox-test-${++serial}`);
  const sent: PhoneOrderRow[] = [];
  let now = ENTERED_AT;
  const gate = new OutboxGate();
  const runner = new OutboxRunner({
    db,
    gate,
    send: async (row) => {
      sent.push(row);
      return answers.shift() ?? { ok: false, error: { code: NETWORK_ERROR_CODE, message: 'offline', details: { status: 0 } } };
    },
    now: () => now,
    random: () => 0,
  });
  runners.push(runner);
  const ctx: PhoneOrderContext = { actor: OUTLET_ACTOR, db, wakeOutbox: () => void runner.kick(), gate };
  const enter = () => enterPhoneOrder(ctx, phoneRequest(), catalogOf(outletDoc()), null, ENTERED_AT);
  return {
    db,
    sent,
    runner,
    ctx,
    gate,
    enter,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const offline: ApiResult = {
  ok: false,
  error: { code: NETWORK_ERROR_CODE, message: 'Cannot reach the Dabba server.', details: { status: 0 } },
};
const placed = (orderId: string): ApiResult => ({ ok: true, value: { orderId, trackingUrl: `/track/${orderId}` } });

describe('the phone-order outbox', () => {
  it('keeps an order entered offline, retries it with backoff under the same key, and places it when the server answers', async () => {
    const d = device([offline, offline, placed('order-9')]);
    expect(await d.enter()).toEqual({ ok: true });
    await d.runner.kick();
    let [row] = await d.db.phoneOrders.toArray();
    expect(row).toMatchObject({ state: 'waiting', attempts: 1, lastError: 'No connection to the Dabba server.' });

    await d.runner.kick(); // not due yet: nothing is sent
    expect(d.sent).toHaveLength(1);

    d.advance(60_000);
    await d.runner.kick();
    d.advance(60_000);
    await d.runner.kick();
    [row] = await d.db.phoneOrders.toArray();
    expect(row).toMatchObject({ state: 'placed', orderId: 'order-9' });
    expect(new Set(d.sent.map((r) => r.key)).size).toBe(1);
    expect(d.sent[0]?.request).toEqual(phoneRequest());
  });

  it('leaves the entry to the real order once that has arrived on the device', async () => {
    const d = device([placed('order-9')]);
    await d.enter();
    await d.runner.kick();
    expect(await d.db.phoneOrders.count()).toBe(1);
    const arrived = projectOrderRow(placedOrderDoc(), 'synced');
    if (!arrived) throw new Error('no row');
    await d.db.orders.put({ ...arrived, id: OrderIdSchema.parse('order-9') });
    await d.runner.kick();
    expect(await d.db.phoneOrders.count()).toBe(0);
  });

  it('leaves the board the moment the real order is held, before the runner removes the entry', async () => {
    const d = device([placed('order-9')]);
    await d.enter();
    await d.runner.kick();
    expect(await phoneOrdersNotOnBoard(d.db, OUTLET_ID)).toHaveLength(1);
    const arrived = projectOrderRow(placedOrderDoc(), 'synced');
    if (!arrived) throw new Error('no row');
    // Phone orders arrive accepted: the real card is in the Accepted column, never among the new ones.
    await d.db.orders.put({ ...arrived, id: OrderIdSchema.parse('order-9'), status: 'accepted' });
    expect(await d.db.phoneOrders.count()).toBe(1);
    expect(await phoneOrdersNotOnBoard(d.db, OUTLET_ID)).toEqual([]);
  });

  it('keeps a refused entry with the server’s message and stops sending it', async () => {
    const d = device([
      { ok: false, error: { code: 'outlet_paused', message: 'Dabba Kitchen is not taking new orders.', details: { status: 422 } } },
    ]);
    await d.enter();
    await d.runner.kick();
    d.advance(3_600_000);
    await d.runner.kick();
    const [row] = await d.db.phoneOrders.toArray();
    expect(row).toMatchObject({ state: 'refused', refusal: { code: 'outlet_paused', message: 'Dabba Kitchen is not taking new orders.' } });
    expect(d.sent).toHaveLength(1);
  });

  it('lets staff correct a refused entry: the corrected one replaces it under a new key and is sent', async () => {
    const d = device([{ ok: false, error: { code: 'bad_quantity', message: 'Too many.', details: { status: 422 } } }, placed('order-2')]);
    await d.enter();
    await d.runner.kick();
    const [refused] = await d.db.phoneOrders.toArray();
    if (!refused) throw new Error('no entry');
    const corrected = phoneRequest({ items: [{ itemId: 'chai', qty: 1 }] });
    expect(await enterPhoneOrder(d.ctx, corrected, catalogOf(outletDoc()), refused.key, ENTERED_AT)).toEqual({ ok: true });
    await d.runner.kick();
    const rows = await d.db.phoneOrders.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'placed', orderId: 'order-2' });
    expect(rows[0]?.key).not.toBe(refused.key);
  });

  it('does not bring back an entry staff discarded while it was being sent', async () => {
    const d = device([]);
    let release: (answer: ApiResult) => void = () => undefined;
    let started: () => void = () => undefined;
    const inFlight = new Promise<void>((resolve) => {
      started = resolve;
    });
    const runner = new OutboxRunner({
      db: d.db,
      gate: d.gate,
      send: () =>
        new Promise<ApiResult>((resolve) => {
          release = resolve;
          started();
        }),
      now: () => ENTERED_AT,
    });
    runners.push(runner);
    const ctx = { ...d.ctx, wakeOutbox: () => void runner.kick() };
    await enterPhoneOrder(ctx, phoneRequest(), catalogOf(outletDoc()), null, ENTERED_AT);
    await inFlight;
    const [row] = await d.db.phoneOrders.toArray();
    const sending = runner.kick();
    expect(await discardPhoneOrder(ctx, row?.key ?? '')).toEqual({ ok: true });
    release(offline);
    await sending;
    expect(await d.db.phoneOrders.count()).toBe(0);
  });
});
