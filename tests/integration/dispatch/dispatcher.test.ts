import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { distanceMeters } from '../../../shared/catalog/zones';
import { orderDocName } from '../../../shared/docNames';
import type { OrderId } from '../../../shared/ids';
import { inboxOrderIds } from '../../../shared/inbox';
import { readOrder } from '../../../shared/order/orderDoc';
import type { DabbaServer } from '../../../sync-server/app';
import { loginAll, type DemoSessions } from '../support/api';
import {
  A_KM_AWAY,
  acceptedDelivery,
  acceptOffer,
  addDriver,
  appendAs,
  connectDriver,
  declineOffer,
  NEAR_OUTLET,
  offersOf,
  setShift,
  TWO_KM_AWAY,
  type TestDriver,
} from '../support/drivers';
import { errorOf } from '../support/http';
import { DELIVERY } from '../support/refusals';
import { startTestServer, tempDataDir } from '../support/server';
import { eventually } from '../support/stockClient';

let server: DabbaServer;
let s: DemoSessions;
let dataDir: string;

beforeEach(async () => {
  dataDir = tempDataDir();
  server = await startTestServer({ DATA_DIR: dataDir });
  s = await loginAll(server.url);
});
afterEach(() => server.close());

const offeredTo = (driver: TestDriver, orderId: OrderId) =>
  eventually(() => offersOf(driver).has(orderId), 10_000, `an offer of ${orderId} to ${driver.name}`);
const noOfferLeft = (driver: TestDriver, orderId: OrderId) =>
  eventually(() => !offersOf(driver).has(orderId), 10_000, `${driver.name}'s offer to go`);
const wasOffered = (driver: TestDriver, orderId: OrderId): boolean => driver.offered.some((o) => o.orderId === orderId);

async function orderDoc(driver: TestDriver, orderId: OrderId): Promise<Y.Doc> {
  driver.device.refused.delete(orderDocName(orderId));
  const doc = await driver.device.open(orderDocName(orderId));
  return doc;
}

/** The driver accepts the offer once it is there; resolves when the order is in their inbox. */
async function takes(driver: TestDriver, orderId: OrderId): Promise<void> {
  await offeredTo(driver, orderId);
  expect((await acceptOffer(server.url, driver, orderId)).status).toBe(200);
  await eventually(() => inboxOrderIds(driver.inbox).includes(orderId), 10_000, `${orderId} in ${driver.name}'s inbox`);
}

describe('dispatch', () => {
  it('offers an accepted delivery to the on-shift driver, and on accept appends `assigned` as system and hands over the order', async () => {
    const asha = await addDriver(server.url, s.admin, 'Asha');
    const orderId = await acceptedDelivery(server.url, s.outlet);
    await offeredTo(asha, orderId);
    const offer = offersOf(asha).get(orderId);
    expect(offer).toMatchObject({
      orderId,
      outletName: 'Dabba Demo Kitchen',
      outletAddress: '12 MG Road, Bengaluru 560001',
      pickup: { lat: 12.9756, lng: 77.6066 },
      dropoffArea: 'Residency Rd',
      dropoff: { lat: 12.968, lng: 77.6 },
      currency: 'INR',
    });
    expect(offer && offer.expiresAt - offer.offeredAt).toBe(60_000);
    expect(offer?.distanceMeters).toBe(Math.round(distanceMeters(NEAR_OUTLET, { lat: 12.9756, lng: 77.6066 })));
    expect(offer?.tripMeters).toBe(Math.round(distanceMeters({ lat: 12.9756, lng: 77.6066 }, DELIVERY.address)));

    const answer = await acceptOffer(server.url, asha, orderId);
    expect(answer).toMatchObject({ status: 200, body: { orderId } });
    await eventually(() => inboxOrderIds(asha.inbox).includes(orderId), 10_000, 'the order in the inbox');
    await noOfferLeft(asha, orderId);
    const view = readOrder(await orderDoc(asha, orderId));
    expect(view?.state.driverId).toBe(asha.id);
    expect(view?.state.applied.find((e) => e.type === 'assigned')?.by).toEqual({ id: 'system', role: 'system' });
    expect(offer?.cashToCollect).toBe(view?.header.totals.total);
    // A retried accept (the answer was lost on the way) gets the same answer.
    expect((await acceptOffer(server.url, asha, orderId)).status).toBe(200);
  });

  it('offers nothing to drivers off shift, however near, and offers at once when one comes on shift', async () => {
    const asha = await addDriver(server.url, s.admin, 'Asha', NEAR_OUTLET);
    await setShift(server.url, asha.session, false);
    const demo = await connectDriver(server.url, s.driver, 'Ravi'); // the seeded driver starts off shift, at the outlet
    const bala = await addDriver(server.url, s.admin, 'Bala', A_KM_AWAY);
    const orderId = await acceptedDelivery(server.url, s.outlet);
    await offeredTo(bala, orderId);
    expect(wasOffered(asha, orderId) || wasOffered(demo, orderId)).toBe(false);

    expect((await declineOffer(server.url, bala, orderId, 'tyre puncture')).status).toBe(204);
    await noOfferLeft(bala, orderId);
    await setShift(server.url, asha.session, true);
    await offeredTo(asha, orderId);
    expect(wasOffered(demo, orderId)).toBe(false);
  });

  it('moves a declined offer to the next driver in fair order at once, and answers drivers whose turn it is not', async () => {
    const asha = await addDriver(server.url, s.admin, 'Asha', NEAR_OUTLET);
    const bala = await addDriver(server.url, s.admin, 'Bala', A_KM_AWAY);
    const chen = await addDriver(server.url, s.admin, 'Chen', TWO_KM_AWAY);
    const orderId = await acceptedDelivery(server.url, s.outlet);
    await offeredTo(asha, orderId); // nobody served yet: the nearest first
    expect((await declineOffer(server.url, asha, orderId)).status).toBe(204);
    await offeredTo(bala, orderId);
    expect((await declineOffer(server.url, bala, orderId, 'going the other way')).status).toBe(204);
    await offeredTo(chen, orderId);
    expect([asha, bala].map((d) => offersOf(d).has(orderId))).toEqual([false, false]);

    expect((await declineOffer(server.url, asha, orderId)).status).toBe(204); // declining again changes nothing
    expect(errorOf(await acceptOffer(server.url, asha, orderId))?.code).toBe('offer_expired');
    const demo = await connectDriver(server.url, s.driver, 'Ravi');
    expect(errorOf(await acceptOffer(server.url, demo, orderId))?.code).toBe('offer_not_yours');
    expect((await declineOffer(server.url, demo, orderId)).status).toBe(409);
    expect(offersOf(chen).has(orderId)).toBe(true);
  });

  it('withdraws the offer when an admin assigns the order by hand, and keeps that assignment', async () => {
    const asha = await addDriver(server.url, s.admin, 'Asha', NEAR_OUTLET);
    const bala = await addDriver(server.url, s.admin, 'Bala', A_KM_AWAY);
    const orderId = await acceptedDelivery(server.url, s.outlet);
    await offeredTo(asha, orderId);
    await appendAs(server.url, s.admin, orderId, { type: 'assigned', driverId: bala.id });
    await noOfferLeft(asha, orderId);
    await eventually(() => inboxOrderIds(bala.inbox).includes(orderId), 10_000, 'the order in Bala’s inbox');
    expect(errorOf(await acceptOffer(server.url, asha, orderId))?.code).toBe('offer_expired');
    expect(readOrder(await orderDoc(bala, orderId))?.state.driverId).toBe(bala.id);
    expect(wasOffered(bala, orderId)).toBe(false);
  });

  it('offers an order again when an admin takes its driver off it, but not to that driver', async () => {
    const asha = await addDriver(server.url, s.admin, 'Asha', NEAR_OUTLET);
    const bala = await addDriver(server.url, s.admin, 'Bala', A_KM_AWAY);
    const orderId = await acceptedDelivery(server.url, s.outlet);
    await takes(asha, orderId);
    await setShift(server.url, bala.session, false);
    await appendAs(server.url, s.admin, orderId, { type: 'unassigned', driverId: asha.id, reason: 'scooter broke down' });
    await eventually(() => !inboxOrderIds(asha.inbox).includes(orderId), 10_000, 'the order to leave Asha’s inbox');
    await setShift(server.url, bala.session, true);
    await offeredTo(bala, orderId);
    expect(asha.offered.filter((o) => o.orderId === orderId)).toHaveLength(1); // the first offer only
  });

  it('spreads orders that arrive together over the drivers, one offer each, in fair order', async () => {
    const drivers = [
      await addDriver(server.url, s.admin, 'Asha', NEAR_OUTLET),
      await addDriver(server.url, s.admin, 'Bala', A_KM_AWAY),
      await addDriver(server.url, s.admin, 'Chen', TWO_KM_AWAY),
    ];
    const orders: OrderId[] = [];
    for (let i = 0; i < 3; i++) orders.push(await acceptedDelivery(server.url, s.outlet));
    for (const [i, orderId] of orders.entries()) {
      const driver = drivers[i];
      if (!driver) throw new Error('three drivers');
      await offeredTo(driver, orderId);
    }
    expect(drivers.map((d) => d.offered.length)).toEqual([1, 1, 1]);
  });

  it('decides a backlog of deliveries on one look at the drivers: a driver coming on shift gets offers up to capacity', async () => {
    const asha = await addDriver(server.url, s.admin, 'Asha', NEAR_OUTLET, 2);
    await setShift(server.url, asha.session, false);
    const orders: OrderId[] = [];
    for (let i = 0; i < 5; i++) orders.push(await acceptedDelivery(server.url, s.outlet));
    await server.hooksSettled();
    // The orders' commits queued dispatch passes that may not have run yet; one running after Asha is back on
    // shift would look at her too. A shift change is decided in the same queue, behind them, and looks at
    // nobody while she is off.
    await setShift(server.url, asha.session, false);
    const looks: string[] = [];
    const position = server.presence.position.bind(server.presence);
    server.presence.position = (driverId) => {
      looks.push(driverId);
      return position(driverId);
    };
    await setShift(server.url, asha.session, true);
    expect(looks).toEqual([asha.id]);
    const [first, second] = orders;
    if (!first || !second) throw new Error('five orders');
    await offeredTo(asha, first);
    await offeredTo(asha, second);
    expect(asha.offered.map((o) => o.orderId)).toEqual([first, second]);
  });

  it('follows the fair queue end to end: three drivers, seven orders, capacity and a delivery that frees a place', async () => {
    const asha = await addDriver(server.url, s.admin, 'Asha', NEAR_OUTLET);
    const bala = await addDriver(server.url, s.admin, 'Bala', A_KM_AWAY);
    const chen = await addDriver(server.url, s.admin, 'Chen', TWO_KM_AWAY);
    const who: string[] = [];
    const orders: OrderId[] = [];
    for (let i = 0; i < 6; i++) {
      const orderId = await acceptedDelivery(server.url, s.outlet);
      orders.push(orderId);
      await eventually(() => [asha, bala, chen].some((d) => offersOf(d).has(orderId)), 10_000, 'an offer');
      const driver = [asha, bala, chen].find((d) => offersOf(d).has(orderId));
      if (!driver) throw new Error('offered to someone');
      await takes(driver, orderId);
      who.push(driver.name);
    }
    expect(who).toEqual(['Asha', 'Bala', 'Chen', 'Asha', 'Bala', 'Chen']);

    // Everyone carries two, their capacity: the seventh waits until a delivery frees a place.
    const seventh = await acceptedDelivery(server.url, s.outlet);
    const [first] = orders;
    if (!first) throw new Error('orders were placed');
    await appendAs(server.url, asha.session, first, { type: 'picked_up' });
    const freedAt = Date.now();
    await appendAs(server.url, asha.session, first, { type: 'delivered', proof: 'a'.repeat(64) });
    await takes(asha, seventh);
    // Offered only once the delivery freed a place, and to no one before.
    expect(asha.offered.filter((o) => o.orderId === seventh).map((o) => o.offeredAt >= freedAt)).toEqual([true]);
    expect([bala, chen].some((d) => wasOffered(d, seventh))).toBe(false);
  });

  it('keeps pending offers and waiting deliveries across a restart', async () => {
    const asha = await addDriver(server.url, s.admin, 'Asha', NEAR_OUTLET, 1);
    const offered = await acceptedDelivery(server.url, s.outlet);
    await offeredTo(asha, offered);
    const waiting = await acceptedDelivery(server.url, s.outlet); // Asha's one place is taken by the pending offer
    asha.device.close();
    await server.close();

    server = await startTestServer({ DATA_DIR: dataDir });
    const again = await connectDriver(server.url, asha.session, 'Asha');
    expect(offersOf(again).has(offered)).toBe(true);
    expect(offersOf(again).has(waiting)).toBe(false);
    await takes(again, offered);
    const bala = await addDriver(server.url, s.admin, 'Bala', A_KM_AWAY);
    await offeredTo(bala, waiting);
  });
});
