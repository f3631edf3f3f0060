import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { trackDocName } from '../../../shared/docNames';
import type { TrackingToken } from '../../../shared/ids';
import { CloseCode } from '../../../shared/protocol/closeCodes';
import { readTrack } from '../../../shared/track';
import { orderNumber } from '../../../shared/order/orderNumber';
import { PICKUP_ORDER, placeOrder } from '../support/api';
import { appendAs } from '../support/drivers';
import { errorOf, getJson } from '../support/http';
import { MuxTestClient } from '../support/muxClient';
import { DELIVERY } from '../support/refusals';
import { eventually } from '../support/stockClient';
import { useTestServer } from '../support/testServer';

const tokenOf = (trackingUrl: string): TrackingToken => trackingUrl.split('/track/')[1] as TrackingToken;

describe('GET /api/track/:token', () => {
  const t = useTestServer({ DABBA_TRACK_LOOKUPS_PER_MINUTE: '5' });

  it('answers the projection for a right token, 404 for a wrong one, and throttles guessing', async () => {
    const { trackingUrl } = await placeOrder(t.url, DELIVERY);
    const token = tokenOf(trackingUrl);
    const right = await getJson(`${t.url}/api/track/${token}`);
    expect(right.status).toBe(200);
    expect(right.headers.get('cache-control')).toBe('no-store');
    const viewer = await MuxTestClient.connect(t.url, null);
    const doc = await viewer.open(trackDocName(token));
    expect(right.body).toEqual(readTrack(doc));
    viewer.close();

    const wrong = await getJson(`${t.url}/api/track/${'x'.repeat(32)}`);
    expect(wrong.status).toBe(404);
    expect(errorOf(wrong)?.code).toBe('not_found');
    expect((await getJson(`${t.url}/api/track/not:a:token`)).status).toBe(404);

    // Five lookups a minute from this address (three above, two here); then even a right token waits.
    for (let i = 0; i < 2; i++) expect((await getJson(`${t.url}/api/track/guess${i}`)).status).toBe(404);
    const throttled = await getJson(`${t.url}/api/track/guess-more`);
    expect(throttled.status).toBe(429);
    expect(errorOf(throttled)?.code).toBe('rate_limited');
    expect((await getJson(`${t.url}/api/track/${token}`)).status).toBe(429);
  });
});

describe('anonymous sync sockets', () => {
  const t = useTestServer({ DABBA_ANONYMOUS_SOCKETS_PER_MINUTE: '3' });

  it('are limited per address per minute, so tokens cannot be guessed faster over sockets; signed-in sockets are not', async () => {
    const open: MuxTestClient[] = [];
    for (let i = 0; i < 3; i++) open.push(await MuxTestClient.connect(t.url, null));
    const { trackingUrl } = await placeOrder(t.url, DELIVERY);
    const [first] = open;
    expect((await first?.subscribe(trackDocName(tokenOf(trackingUrl)))) instanceof Y.Doc).toBe(true);

    const fourth = await MuxTestClient.connect(t.url, null);
    expect(await fourth.closed()).toBe(CloseCode.ABUSE);
    const staff = await MuxTestClient.connect(t.url, t.outlet.token);
    expect(staff.closeCode).toBeNull();
    expect((await staff.subscribe(trackDocName(tokenOf(trackingUrl)))) instanceof Y.Doc).toBe(true);
    for (const client of [...open, staff]) client.close();
  });
});

describe('the drop-off on a tracking link', () => {
  const t = useTestServer();

  it('is the delivery zone the pin falls in: a name and phone typed into the address never reach the link', async () => {
    const text = 'Flat 4B, Meera Iyer 98450 77777, 22 Residency Rd, ring twice';
    const { trackingUrl } = await placeOrder(t.url, { ...DELIVERY, address: { ...DELIVERY.address, text } });
    const token = tokenOf(trackingUrl);
    const viewer = await MuxTestClient.connect(t.url, null);
    const doc = await viewer.open(trackDocName(token));
    const fetched = await getJson(`${t.url}/api/track/${token}`);
    expect(fetched.status).toBe(200);
    for (const shown of [readTrack(doc), fetched.body]) {
      expect(shown).toMatchObject({ dropoffArea: 'Central Bengaluru' });
      const json = JSON.stringify(shown);
      for (const secret of ['Meera', 'Iyer', '98450', '77777', '4B', 'Residency', 'ring twice']) expect(json).not.toContain(secret);
    }
    viewer.close();
  });
});

describe('the order’s details on a tracking link', () => {
  const t = useTestServer();

  it('name the order, pin the outlet and the drop-off, keep the ids to order again, and give the kitchen’s reason on a rejection', async () => {
    const { orderId, trackingUrl } = await placeOrder(t.url, DELIVERY);
    const viewer = await MuxTestClient.connect(t.url, null);
    const doc = await viewer.open(trackDocName(tokenOf(trackingUrl)));
    expect(readTrack(doc)?.details).toEqual({
      orderNumber: orderNumber(orderId),
      outletId: 'demo-outlet',
      pickupAddress: null,
      rejectionReason: null,
      pins: { outlet: { lat: 12.9756, lng: 77.6066 }, dropoff: { lat: DELIVERY.address.lat, lng: DELIVERY.address.lng } },
      reorder: DELIVERY.items,
    });

    await appendAs(t.url, t.outlet, orderId, { type: 'rejected', reason: 'Out of rice batter tonight' });
    await eventually(() => readTrack(doc)?.status === 'rejected', 10_000, 'the rejection');
    expect(readTrack(doc)?.details).toMatchObject({ rejectionReason: 'Out of rice batter tonight', pins: null });
    const fetched = await getJson(`${t.url}/api/track/${tokenOf(trackingUrl)}`);
    expect(fetched.body).toMatchObject({ details: { rejectionReason: 'Out of rice batter tonight' } });
    viewer.close();
  });

  it('give a pickup order the outlet’s address to collect it from, and no pins', async () => {
    const { trackingUrl } = await placeOrder(t.url, PICKUP_ORDER);
    const fetched = await getJson(`${t.url}/api/track/${tokenOf(trackingUrl)}`);
    expect(fetched.body).toMatchObject({ details: { pickupAddress: '12 MG Road, Bengaluru 560001', pins: null } });
  });
});
