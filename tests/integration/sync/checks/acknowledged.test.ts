import { beforeAll, describe, expect, it } from 'vitest';
import { orderDocName } from '../../../../shared/docNames';
import type { OrderId } from '../../../../shared/ids';
import { readOrder } from '../../../../shared/order/orderDoc';
import { MuxType } from '../../../../shared/protocol/muxMessages';
import { placeOrder, type Session } from '../../support/api';
import { addDriver, NEAR_OUTLET, type TestDriver } from '../../support/drivers';
import { postJson } from '../../support/http';
import { MuxTestClient } from '../../support/muxClient';
import { DELIVERY } from '../../support/refusals';
import { proposeAs } from '../../support/proposeAs';
import { useTestServer } from '../../support/testServer';

const t = useTestServer();
let asha: TestDriver;
let orderId: OrderId;

/** What the server answers to `session` appending an `acknowledged` event to the order. */
const acknowledge = (session: Session): Promise<string> => proposeAs(t.url, session, orderId, 'acknowledged');

beforeAll(async () => {
  asha = await addDriver(t.url, t.admin, 'Asha', NEAR_OUTLET);
  ({ orderId } = await placeOrder(t.url, DELIVERY));
  // Assigned while still new, so the driver holds the order and could try to write to it.
  const assigned = await postJson(`${t.url}/newdelivery`, { orderId }, { token: t.admin.token });
  expect(assigned.body).toMatchObject({ driverId: asha.id });
});

describe('acknowledged on a new order', () => {
  it('is refused from the assigned driver: only the outlet’s tablets ring', async () => {
    expect(await acknowledge(asha.session)).toBe('event_not_allowed');
  });

  it('is refused from an admin, who hears no ring', async () => {
    expect(await acknowledge(t.admin)).toBe('event_not_allowed');
  });

  it('cannot be written by a customer, who has no login and may not even open the order', async () => {
    const customer = await MuxTestClient.connect(t.url, null);
    try {
      const answer = await customer.subscribe(orderDocName(orderId));
      expect(answer).toMatchObject({ type: MuxType.REFUSED });
    } finally {
      customer.close();
    }
  });

  it('is taken from outlet staff, leaves the order new, and every device of the outlet reads it back', async () => {
    expect(await acknowledge(t.outlet)).toBe('ack');
    const tablet = await MuxTestClient.connect(t.url, t.outlet.token);
    try {
      const state = readOrder(await tablet.open(orderDocName(orderId)))?.state;
      expect(state?.status).toBe('placed');
      expect(state?.acknowledgedAt).not.toBeNull();
      expect(state?.applied.filter((e) => e.type === 'acknowledged').map((e) => e.by.role)).toEqual(['outlet']);
    } finally {
      tablet.close();
    }
  });
});
