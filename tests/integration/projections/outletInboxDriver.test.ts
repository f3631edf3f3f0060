import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { outletInboxName } from '../../../shared/docNames';
import type { OrderId, OutletId, UserId } from '../../../shared/ids';
import { inboxMap } from '../../../shared/inbox';
import { placeOrder } from '../support/api';
import { A_KM_AWAY, addDriverAccount, appendAs, reportPosition } from '../support/drivers';
import { MuxTestClient } from '../support/muxClient';
import { DELIVERY } from '../support/refusals';
import { eventually } from '../support/stockClient';
import { useTestServer } from '../support/testServer';

const t = useTestServer();

// The server keeps a driver's newest fix by device time: each report here is later than every one before.
let lastFix = 0;
const fixTime = (): number => (lastFix = Math.max(Date.now(), lastFix + 1));

// Some 50 m north-east of the demo outlet (12.9756, 77.6066).
const AT_THE_DOOR = { lat: 12.9759, lng: 77.6069 };

/**
 * Resolves once the tablet holds every inbox write the server made before now: a newly placed order
 * reaches the outlet inbox after them, over the same connection, so an absence seen then is real.
 */
async function inboxCaughtUp(inbox: Y.Doc): Promise<void> {
  const { orderId } = await placeOrder(t.url, DELIVERY);
  await eventually(() => inboxMap(inbox).has(orderId), 10_000, 'a later order in the outlet inbox');
}

/** Runs `body` with the demo outlet's tablet subscribed to its inbox. */
async function onOutletTablet(body: (inbox: Y.Doc) => Promise<void>): Promise<void> {
  const tablet = await MuxTestClient.connect(t.url, t.outlet.token);
  try {
    await body(await tablet.open(outletInboxName(t.outlet.user.outletId as OutletId)));
  } finally {
    tablet.close();
  }
}

/** An accepted delivery given to the demo driver, Ravi, with the outlet tablet watching its inbox entry. */
async function assignedToRavi(inbox: Y.Doc): Promise<OrderId> {
  const { orderId } = await placeOrder(t.url, DELIVERY);
  await appendAs(t.url, t.outlet, orderId, { type: 'accepted', prepMinutes: 10 });
  await eventually(() => inboxMap(inbox).has(orderId), 10_000, 'the order in the outlet inbox');
  await appendAs(t.url, t.admin, orderId, { type: 'assigned', driverId: t.driver.user.id as UserId });
  await eventually(() => inboxMap(inbox).get(orderId)?.driver !== undefined, 10_000, 'the driver in the outlet inbox');
  return orderId;
}

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

  it('says the driver has arrived once their phone reports a position near the outlet, and keeps saying it', () =>
    onOutletTablet(async (inbox) => {
      const orderId = await assignedToRavi(inbox);
      const arrivedAt = () => inboxMap(inbox).get(orderId)?.driver?.arrivedAt;

      await reportPosition(t.url, t.driver, A_KM_AWAY, fixTime());
      await inboxCaughtUp(inbox);
      expect(arrivedAt()).toBeUndefined();

      const atDoor = fixTime();
      await reportPosition(t.url, t.driver, AT_THE_DOOR, atDoor);
      await eventually(() => arrivedAt() !== undefined, 10_000, 'the driver’s arrival in the outlet inbox');
      expect(arrivedAt()).toBe(atDoor);

      // Stepping out to the road, or another fix at the door, does not move or clear when they arrived.
      await reportPosition(t.url, t.driver, AT_THE_DOOR, fixTime());
      await reportPosition(t.url, t.driver, A_KM_AWAY, fixTime());
      await inboxCaughtUp(inbox);
      expect(inboxMap(inbox).get(orderId)?.driver).toMatchObject({ id: t.driver.user.id, firstName: 'Ravi', arrivedAt: atDoor });
    }));

  it('writes nothing more into the entry once the driver picked the order up', () =>
    onOutletTablet(async (inbox) => {
      await reportPosition(t.url, t.driver, A_KM_AWAY, fixTime());
      const orderId = await assignedToRavi(inbox);
      await appendAs(t.url, t.outlet, orderId, { type: 'ready' });
      await appendAs(t.url, t.driver, orderId, { type: 'picked_up' });
      const before = JSON.stringify(inboxMap(inbox).get(orderId));
      let writes = 0;
      inboxMap(inbox).observe((event) => {
        if (event.keysChanged.has(orderId)) writes += 1;
      });

      await reportPosition(t.url, t.driver, AT_THE_DOOR, fixTime());
      await inboxCaughtUp(inbox);
      expect(writes).toBe(0);
      expect(JSON.stringify(inboxMap(inbox).get(orderId))).toBe(before);
      expect(inboxMap(inbox).get(orderId)?.driver?.arrivedAt).toBeUndefined();
    }));

  it('forgets the arrival when the order is given to another driver', () =>
    onOutletTablet(async (inbox) => {
      const orderId = await assignedToRavi(inbox);
      await reportPosition(t.url, t.driver, AT_THE_DOOR, fixTime());
      await eventually(() => inboxMap(inbox).get(orderId)?.driver?.arrivedAt !== undefined, 10_000, 'Ravi’s arrival');

      const asha = await addDriverAccount(t.url, t.admin, 'Asha Menon');
      await appendAs(t.url, t.admin, orderId, { type: 'assigned', driverId: asha.user.id as UserId });
      await eventually(() => inboxMap(inbox).get(orderId)?.driver?.firstName === 'Asha', 10_000, 'Asha in the outlet inbox');
      expect(inboxMap(inbox).get(orderId)?.driver?.arrivedAt).toBeUndefined();
    }));
});
