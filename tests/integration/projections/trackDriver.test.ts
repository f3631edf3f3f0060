import { describe, expect, it } from 'vitest';
import { distanceMeters } from '../../../shared/catalog/zones';
import { tripMs } from '../../../shared/dispatch/arrival';
import { trackDocName } from '../../../shared/docNames';
import type { TrackingToken } from '../../../shared/ids';
import { readTrack, type TrackView } from '../../../shared/track';
import { placeOrder } from '../support/api';
import { acceptOffer, addDriver, appendAs, NEAR_OUTLET, offersOf } from '../support/drivers';
import { getJson } from '../support/http';
import { MuxTestClient } from '../support/muxClient';
import { DELIVERY } from '../support/refusals';
import { eventually } from '../support/stockClient';
import { useTestServer } from '../support/testServer';

const t = useTestServer();
const OUTLET = { lat: 12.9756, lng: 77.6066 };
const DROPOFF = DELIVERY.address;

async function upload(token: string, point: { lat: number; lng: number; at: number }): Promise<void> {
  const res = await fetch(`${t.url}/api/driver/locations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ points: [point] }),
  });
  expect(res.status).toBe(204);
}

describe('tracking projection: the driver part', () => {
  it('names the driver by first name, shows their position only while the order is on its way, and estimates the arrival', async () => {
    const asha = await addDriver(t.url, t.admin, 'Asha Menon', NEAR_OUTLET);
    const { orderId, trackingUrl } = await placeOrder(t.url, DELIVERY);
    const token = trackingUrl.split('/track/')[1] as TrackingToken;
    const viewer = await MuxTestClient.connect(t.url, null);
    const doc = await viewer.open(trackDocName(token));
    const view = (): TrackView | null => readTrack(doc);
    expect(view()).toMatchObject({ driver: null, driverPosition: null, estimatedArrival: null, dropoffArea: 'Central Bengaluru' });

    await appendAs(t.url, t.outlet, orderId, { type: 'accepted', prepMinutes: 15 });
    await eventually(() => offersOf(asha).has(orderId), 10_000, 'the offer');
    expect((await acceptOffer(t.url, asha, orderId)).status).toBe(200);
    await eventually(() => view()?.driver?.firstName === 'Asha', 10_000, 'the driver’s first name');
    const trip = tripMs(distanceMeters(OUTLET, DROPOFF));
    expect(view()?.estimatedArrival).toBe((view()?.readyBy ?? 0) + trip);

    // Before pickup the position is not shown, even after an upload and a later change to the order.
    await upload(asha.session.token, { lat: 12.974, lng: 77.605, at: Date.now() });
    await appendAs(t.url, t.outlet, orderId, { type: 'ready' });
    await eventually(() => view()?.status === 'ready', 10_000, 'ready');
    expect(view()?.driverPosition).toBeNull();

    const pickedUpAt = Date.now();
    await appendAs(t.url, asha.session, orderId, { type: 'picked_up' }, pickedUpAt);
    await eventually(() => view()?.status === 'picked_up', 10_000, 'picked up');
    expect(view()?.driverPosition).toMatchObject({ lat: 12.974, lng: 77.605 }); // the last sighting, from before pickup
    expect(view()?.estimatedArrival).toBe(pickedUpAt + trip);

    const moving = { lat: 12.97, lng: 77.602, at: Date.now() };
    await upload(asha.session.token, moving);
    await eventually(() => view()?.driverPosition?.lat === moving.lat, 10_000, 'the dot to move');
    expect(view()?.driverPosition).toEqual(moving);
    expect(view()?.estimatedArrival).toBe(moving.at + tripMs(distanceMeters(moving, DROPOFF)));
    // Within the throttle interval: held back, then written, so the last position always lands.
    const closer = { lat: 12.969, lng: 77.601, at: Date.now() };
    await upload(asha.session.token, closer);
    await eventually(() => view()?.driverPosition?.lat === closer.lat, 15_000, 'the throttled position');

    const json = JSON.stringify(doc.toJSON());
    const api = await getJson(`${t.url}/api/track/${token}`);
    for (const text of [json, JSON.stringify(api.body)]) {
      expect(text).not.toContain(orderId);
      expect(text).not.toContain(asha.id);
      expect(text).not.toContain('Menon');
      expect(text).not.toContain(DELIVERY.customer.phone);
      expect(text).not.toContain('+91 90000 00000'); // the driver's phone
      expect(text).not.toContain(DELIVERY.address.text); // the house number stays off the link
      expect(text.match(/\+\d[\d ]+/g)).toEqual(['+91 80 4000 1234']); // the outlet's phone, and no other
    }
    expect(Object.keys(api.body as object).sort()).toEqual([
      'currency',
      'deliveryCode',
      'details',
      'driver',
      'driverPosition',
      'dropoffArea',
      'estimatedArrival',
      'items',
      'orderType',
      'outletName',
      'outletPhone',
      'outletWaiting',
      'payment',
      'placedAt',
      'readyBy',
      'receipt',
      'status',
      'timeline',
      'total',
    ]);

    await appendAs(t.url, asha.session, orderId, { type: 'delivered', proof: 'a'.repeat(64) });
    await eventually(() => view()?.status === 'delivered', 10_000, 'delivered');
    expect(view()).toMatchObject({ driver: { firstName: 'Asha' }, driverPosition: null, estimatedArrival: null });
    viewer.close();
  });
});
