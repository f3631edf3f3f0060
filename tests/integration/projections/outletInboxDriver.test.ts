import { describe, expect, it } from 'vitest';
import { outletInboxName } from '../../../shared/docNames';
import type { OutletId, UserId } from '../../../shared/ids';
import { inboxMap } from '../../../shared/inbox';
import { placeOrder } from '../support/api';
import { appendAs, reportPosition } from '../support/drivers';
import { MuxTestClient } from '../support/muxClient';
import { DELIVERY } from '../support/refusals';
import { eventually } from '../support/stockClient';
import { useTestServer } from '../support/testServer';

const t = useTestServer();

describe('outlet inbox: the driver of each order', () => {
  it('names the driver an order was given to by first name, for the counter to tell drivers apart', async () => {
    const { orderId } = await placeOrder(t.url, DELIVERY);
    await appendAs(t.url, t.outlet, orderId, { type: 'accepted', prepMinutes: 10 });
    const tablet = await MuxTestClient.connect(t.url, t.outlet.token);
    try {
      const inbox = await tablet.open(outletInboxName(t.outlet.user.outletId as OutletId));
      await eventually(() => inboxMap(inbox).has(orderId), 10_000, 'the order in the outlet inbox');
      expect(inboxMap(inbox).get(orderId)?.driver).toBeUndefined();

      const driverId = t.driver.user.id as UserId;
      await appendAs(t.url, t.admin, orderId, { type: 'assigned', driverId });
      await eventually(() => inboxMap(inbox).get(orderId)?.driver !== undefined, 10_000, 'the driver in the outlet inbox');
      expect(inboxMap(inbox).get(orderId)).toMatchObject({ placedAt: expect.any(Number), driver: { id: driverId, firstName: 'Ravi' } });
    } finally {
      tablet.close();
    }
  });

  it('says when the driver should reach the counter, from where their phone was when given the order', async () => {
    const { orderId } = await placeOrder(t.url, DELIVERY);
    await appendAs(t.url, t.outlet, orderId, { type: 'accepted', prepMinutes: 10 });
    // About 1.1 km north of the outlet (12.9756, 77.6066): some 3 to 4 minutes at courier speed.
    const at = Date.now();
    await reportPosition(t.url, t.driver, { lat: 12.9856, lng: 77.6066 }, at);
    const tablet = await MuxTestClient.connect(t.url, t.outlet.token);
    try {
      const inbox = await tablet.open(outletInboxName(t.outlet.user.outletId as OutletId));
      await eventually(() => inboxMap(inbox).has(orderId), 10_000, 'the order in the outlet inbox');
      await appendAs(t.url, t.admin, orderId, { type: 'assigned', driverId: t.driver.user.id as UserId });
      await eventually(() => inboxMap(inbox).get(orderId)?.driver !== undefined, 10_000, 'the driver in the outlet inbox');
      const expectedAt = inboxMap(inbox).get(orderId)?.driver?.expectedAt ?? 0;
      expect(expectedAt - at).toBeGreaterThan(3 * 60_000);
      expect(expectedAt - at).toBeLessThan(4 * 60_000);
    } finally {
      tablet.close();
    }
  });
});
