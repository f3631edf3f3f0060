import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { PlacedResponse } from '../../../../shared/api/orders';
import { orderDocName } from '../../../../shared/docNames';
import { newEventId, type OrderId } from '../../../../shared/ids';
import { eventsArray, readOrder } from '../../../../shared/order/orderDoc';
import { MuxType } from '../../../../shared/protocol/muxMessages';
import type { DabbaServer } from '../../../../sync-server/app';
import { authorOf, loginAll, type DemoSessions } from '../../support/api';
import { startCardServer } from '../../support/cardOrders';
import { addDriver, appendAs, NEAR_OUTLET, type TestDriver } from '../../support/drivers';
import { startFakeStripe, type FakeStripe } from '../../support/fakeStripe';
import { postJson } from '../../support/http';
import { MuxTestClient } from '../../support/muxClient';
import { DELIVERY } from '../../support/refusals';

let stripe: FakeStripe;
let server: DabbaServer;
let s: DemoSessions;
let asha: TestDriver;
let orderId: OrderId;

/** A paid card delivery, accepted and picked up by Asha: the moment a cash order's driver would take the cash. */
beforeAll(async () => {
  stripe = await startFakeStripe();
  server = await startCardServer(stripe);
  s = await loginAll(server.url);
  asha = await addDriver(server.url, s.admin, 'Asha', NEAR_OUTLET);
  const placed = await postJson<PlacedResponse>(`${server.url}/api/orders`, { ...DELIVERY, payment: { method: 'card' } });
  expect(placed.status).toBe(201);
  orderId = placed.body.orderId;
  const session = [...stripe.sessions.values()].find((x) => x.metadata.orderId === orderId);
  expect(await stripe.pay(session?.id ?? '')).toBe(200);
  const assigned = await postJson(`${server.url}/newdelivery`, { orderId }, { token: s.admin.token });
  expect(assigned.body).toMatchObject({ driverId: asha.id });
  await appendAs(server.url, s.outlet, orderId, { type: 'accepted', prepMinutes: 10 });
  await appendAs(server.url, asha.session, orderId, { type: 'picked_up' });
});
afterAll(async () => {
  await server.close();
  await stripe.close();
});

describe('cash_collected on a card order', () => {
  it('is refused from the assigned driver, as a hand-built update no driver app would send', async () => {
    const name = orderDocName(orderId);
    const device = await MuxTestClient.connect(server.url, asha.session.token);
    try {
      const doc = await device.open(name);
      // Built beside the driver app's commands (which would not write it): the update a tampered app sends.
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
      const before = Y.encodeStateVector(copy);
      const event = { id: newEventId(), type: 'cash_collected', at: Date.now(), by: authorOf(asha.session), amount: 100, currency: 'INR' };
      eventsArray(copy).push([event]);
      const answer = await device.sendUpdate(name, Y.encodeStateAsUpdate(copy, before));
      expect(answer).toMatchObject({
        type: MuxType.REJECT,
        code: 'invalid_value',
        message: expect.stringContaining('This order was paid by card: no cash is collected on it.'),
      });
    } finally {
      device.close();
    }
    const watcher = await MuxTestClient.connect(server.url, s.admin.token);
    const view = readOrder(await watcher.open(name));
    watcher.close();
    expect(view?.state.applied.some((e) => e.type === 'cash_collected')).toBe(false);
    expect(view?.state.status).toBe('picked_up');
  });
});
