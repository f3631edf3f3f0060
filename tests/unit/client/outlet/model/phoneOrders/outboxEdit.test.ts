import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { NETWORK_ERROR_CODE, type ApiResult } from '../../../../../../client/common/api/http';
import { enterPhoneOrder, type PhoneOrderContext } from '../../../../../../client/outlet/model/phoneOrders/phoneOrderCommands';
import { OutboxGate } from '../../../../../../client/outlet/model/phoneOrders/outboxGate';
import { OutboxRunner } from '../../../../../../client/outlet/model/phoneOrders/outboxRunner';
import { openDabbaDb, type PhoneOrderRow } from '../../../../../../client/common/store/db';
import { OUTLET_ACTOR } from '../../../../shared/order/fixtures';
import { catalogOf, outletDoc } from '../../../support/outletFixtures';
import { ENTERED_AT, phoneRequest } from '../../../support/phoneOrders';

let serial = 0;
const runners: OutboxRunner[] = [];
afterEach(() => {
  for (const runner of runners.splice(0)) runner.stop();
});

const offline: ApiResult = {
  ok: false,
  error: { code: NETWORK_ERROR_CODE, message: 'Cannot reach the Dabba server.', details: { status: 0 } },
};
const placed = (orderId: string): ApiResult => ({ ok: true, value: { orderId, trackingUrl: `/track/${orderId}` } });

/** A device whose server answers only when the test says: every send waits in `pending`. */
function slowServer(gate = new OutboxGate()) {
  const db = openDabbaDb(`outbox-edit-${++serial}`);
  const sent: PhoneOrderRow[] = [];
  const pending: ((answer: ApiResult) => void)[] = [];
  let onSend: () => void = () => undefined;
  const runner = new OutboxRunner({
    db,
    gate,
    send: (row) =>
      new Promise<ApiResult>((resolve) => {
        sent.push(row);
        pending.push(resolve);
        onSend();
      }),
    now: () => ENTERED_AT,
    random: () => 0,
  });
  runners.push(runner);
  // The runner is kicked by hand, so each test decides when a pass runs.
  const ctx: PhoneOrderContext = { actor: OUTLET_ACTOR, db, wakeOutbox: () => undefined, gate };
  const enter = (request = phoneRequest(), replaces: string | null = null) =>
    enterPhoneOrder(ctx, request, catalogOf(outletDoc()), replaces, ENTERED_AT);
  /** Resolves once `count` sends have started. */
  const sends = (count: number) =>
    new Promise<void>((resolve) => {
      onSend = () => {
        if (sent.length >= count) resolve();
      };
      onSend();
    });
  const answer = (result: ApiResult) => pending.shift()?.(result);
  return { db, sent, runner, enter, sends, answer };
}

/** One entry queued and its first send out, unanswered. */
async function oneEntryInFlight(d: ReturnType<typeof slowServer>) {
  await d.enter();
  const [original] = await d.db.phoneOrders.toArray();
  const pass = d.runner.kick();
  await d.sends(1);
  return { d, original, pass };
}

const corrected = phoneRequest({ items: [{ itemId: 'chai', qty: 1 }] });

describe('editing a phone order while the outbox sends it', () => {
  it('waits for the send: when the old version was placed, the edit is refused and nothing else is sent', async () => {
    const { d, original, pass } = await oneEntryInFlight(slowServer());

    const edit = d.enter(corrected, original?.key ?? null);
    d.answer(placed('order-1'));
    expect(await edit).toEqual({ ok: false, error: { code: 'refused', message: 'That phone order was already placed.' } });
    await pass;
    await d.runner.kick();

    expect(d.sent.map((r) => r.key)).toEqual([original?.key]);
    const rows = await d.db.phoneOrders.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ key: original?.key, state: 'placed', orderId: 'order-1' });
  });

  it('waits for the send: when nothing was decided, the corrected version replaces it and only that is sent after', async () => {
    const { d, original, pass } = await oneEntryInFlight(slowServer());

    const edit = d.enter(corrected, original?.key ?? null);
    d.answer(offline);
    expect(await edit).toEqual({ ok: true });
    await pass;
    const next = d.runner.kick();
    await d.sends(2);
    d.answer(placed('order-2'));
    await next;

    const rows = await d.db.phoneOrders.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'placed', orderId: 'order-2', request: corrected });
    expect(d.sent.map((r) => r.key)).toEqual([original?.key, rows[0]?.key]);
  });

  it('refuses the edit with a clear message while the send is still out after the wait', async () => {
    const { d, original, pass } = await oneEntryInFlight(slowServer(new OutboxGate(20)));

    expect(await d.enter(corrected, original?.key ?? null)).toEqual({
      ok: false,
      error: { code: 'refused', message: 'This phone order is being sent right now; try the change again in a moment.' },
    });
    expect(await d.db.phoneOrders.toArray()).toEqual([original]);
    d.answer(placed('order-1'));
    await pass;
    expect(d.sent).toHaveLength(1);
  });

  it('does not send an entry replaced while earlier entries of the same pass were being sent', async () => {
    const d = slowServer();
    await d.enter(phoneRequest({ enteredAt: ENTERED_AT - 1_000 }));
    await d.enter();
    const rows = await d.db.phoneOrders.toArray();
    const later = rows.find((r) => r.request.enteredAt === ENTERED_AT);
    const pass = d.runner.kick();
    await d.sends(1); // the earlier entry is out; the later one is next in this pass

    expect(await d.enter(corrected, later?.key ?? null)).toEqual({ ok: true });
    d.answer(offline);
    await d.sends(2);
    d.answer(placed('order-2'));
    await pass;

    expect(d.sent.map((r) => r.key)).not.toContain(later?.key);
    expect(d.sent[1]?.request).toEqual(corrected);
  });
});
