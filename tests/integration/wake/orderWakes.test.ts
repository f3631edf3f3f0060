import { orderNumber } from '../../../shared/order/orderNumber';
import { describe, expect, it } from 'vitest';
import { driverInboxName, orderDocName, outletInboxName, trackDocName } from '../../../shared/docNames';
import { OutletIdSchema, type TrackingToken, type UserId } from '../../../shared/ids';
import { wakeDataSchema } from '../../../shared/wake/wakeMessage';
import { PushTokens } from '../../../sync-server/storage/pushTokens';
import { placeOrder, PICKUP_ORDER } from '../support/api';
import { appendAs } from '../support/drivers';
import { fcmReplies, type FcmRequest } from '../support/fakeFcm';
import { postJson } from '../support/http';
import { pollUntil } from '../support/poll';
import { pushTokenFor, registerPush } from '../support/pushDevices';
import { DELIVERY } from '../support/refusals';
import { DEMO_OUTLET, tempDataDir } from '../support/server';
import { useWakeHarness } from '../support/wakeHarness';

const outletId = OutletIdSchema.parse(DEMO_OUTLET);
const TABLET = pushTokenFor('tablet');

const h = useWakeHarness();
const docsOf = (request: FcmRequest | undefined): string[] => wakeDataSchema.parse(request?.data).docs;

describe('order wake-ups', () => {
  it('sends exactly one FCM message to the outlet’s tablet for a new order, within a second, when no device of the outlet is connected', async () => {
    const srv = await h.start();
    const s = h.sessions;
    await registerPush(srv.url, s.outlet, TABLET, 'outlet', 'tablet-1');
    const { orderId } = await placeOrder(srv.url, PICKUP_ORDER);

    const [message] = await h.sentAfter(1_000, 1);
    expect(message).toMatchObject({ token: TABLET, status: 200, webpush: { headers: { Urgency: 'high', TTL: '3600' } } });
    expect(wakeDataSchema.parse(message?.data)).toEqual({
      dabba: '1',
      kind: 'new_order',
      docs: [orderDocName(orderId), outletInboxName(outletId)],
      title: 'Dabba Demo Kitchen',
      body: expect.stringMatching(new RegExp(`^New order ${orderNumber(orderId)} — 2 items, ₹\\d+$`)),
      open: `/outlet/#/board/${orderId}`,
      tag: `order-${orderId}`,
    });
    await h.nothingMoreAfter(10_000);
    expect(h.fake.requests).toHaveLength(1);
  });

  it('sends nothing while a device of the outlet is connected, and wakes the tablet once none is', async () => {
    const srv = await h.start();
    const s = h.sessions;
    await registerPush(srv.url, s.outlet, TABLET, 'outlet', 'tablet-1');
    const counter = await h.connect(s.outlet.token, { device: 'counter', app: 'outlet' });
    await h.connectedDevices(outletId, 1);
    await placeOrder(srv.url, PICKUP_ORDER);
    await h.nothingMoreAfter(2_000);
    expect(h.fake.requests).toEqual([]);

    counter.close();
    await h.connectedDevices(outletId, 0);
    const { orderId } = await placeOrder(srv.url, PICKUP_ORDER);
    expect(docsOf((await h.sentAfter(1_000, 1))[0])).toContain(orderDocName(orderId));
  });

  it('makes a burst of three orders one message naming all three', async () => {
    const srv = await h.start();
    const s = h.sessions;
    await registerPush(srv.url, s.outlet, TABLET, 'outlet');
    const placed = await Promise.all([1, 2, 3].map(() => placeOrder(srv.url, PICKUP_ORDER)));
    const [message] = await h.sentAfter(1_000, 1);
    expect(message?.data.title).toBe('3 new orders');
    expect(docsOf(message)).toEqual(expect.arrayContaining(placed.map((p) => orderDocName(p.orderId))));
    await h.nothingMoreAfter(5_000);
    expect(h.fake.requests).toHaveLength(1);
  });

  it('wakes the driver an order is assigned to', async () => {
    const srv = await h.start();
    const s = h.sessions;
    const phone = pushTokenFor('driver-phone');
    await registerPush(srv.url, s.driver, phone, 'driver', 'phone-1');
    const { orderId } = await placeOrder(srv.url, DELIVERY);
    await appendAs(srv.url, s.outlet, orderId, { type: 'accepted', prepMinutes: 15 });
    await appendAs(srv.url, s.admin, orderId, { type: 'assigned', driverId: s.driver.user.id });
    const [message] = await h.sentAfter(1_000, 1);
    expect(message).toMatchObject({ token: phone, data: { kind: 'assigned', open: `/driver/#/job/${orderId}` } });
    expect(docsOf(message)).toEqual([orderDocName(orderId), driverInboxName(s.driver.user.id as UserId)]);
  });

  it('deletes a token FCM reports unregistered, and sends nothing to it again', async () => {
    const srv = await h.start();
    const s = h.sessions;
    await registerPush(srv.url, s.outlet, TABLET, 'outlet');
    h.fake.unregister(TABLET);
    await placeOrder(srv.url, PICKUP_ORDER);
    expect((await h.sentAfter(1_000, 1))[0]?.status).toBe(404);
    const tokens = new PushTokens(srv.sql);
    await pollUntil(
      () => tokens.ofUser(s.outlet.user.id as UserId),
      (left) => left.length === 0,
      'the token to be deleted',
      5_000,
    );

    await placeOrder(srv.url, PICKUP_ORDER);
    await h.nothingMoreAfter(2_000);
    expect(h.fake.requests).toHaveLength(1);
  });

  it('delivers once through a 503 (firebase-admin retries it) and through a 429, retried after its Retry-After', async () => {
    const srv = await h.start();
    const s = h.sessions;
    await registerPush(srv.url, s.outlet, TABLET, 'outlet');
    h.fake.script(TABLET, fcmReplies.unavailable());
    await placeOrder(srv.url, PICKUP_ORDER);
    expect((await h.sentAfter(1_000, 2)).map((r) => r.status)).toEqual([503, 200]);

    h.fake.reset();
    h.fake.script(TABLET, fcmReplies.quotaExceeded(3));
    await placeOrder(srv.url, PICKUP_ORDER);
    await h.sentAfter(1_000, 1);
    // The retry is timed from when the 429 was read, on the server's clock: 3 s, as Retry-After said.
    await h.nothingMoreAfter(0);
    await h.nothingMoreAfter(2_999);
    expect(h.fake.requests.map((r) => r.status)).toEqual([429]);
    expect((await h.sentAfter(1, 2)).map((r) => r.status)).toEqual([429, 200]);
    await h.nothingMoreAfter(60_000);
    expect(h.fake.delivered(TABLET)).toHaveLength(1);
  });

  it('tells a customer who asked to be notified, and forgets their browser once the order is finished', async () => {
    const srv = await h.start();
    const s = h.sessions;
    const { orderId, trackingUrl } = await placeOrder(srv.url, PICKUP_ORDER);
    const link = trackingUrl.split('/track/')[1] as TrackingToken;
    const browser = pushTokenFor('customer');
    expect((await postJson(`${srv.url}/api/track/${link}/push`, { pushToken: browser })).status).toBe(201);

    await appendAs(srv.url, s.outlet, orderId, { type: 'accepted', prepMinutes: 15 });
    const [accepted] = await h.sentAfter(1_000, 1);
    expect(accepted).toMatchObject({ token: browser, data: { kind: 'track_status', open: `/track/${link}` } });
    expect(docsOf(accepted)).toEqual([trackDocName(link)]);
    expect(accepted?.data.body).toContain('accepted your order');

    await appendAs(srv.url, s.outlet, orderId, { type: 'cancelled', reason: 'out of dosa batter' });
    expect((await h.sentAfter(1_000, 2))[1]?.data.body).toBe('Your order was cancelled.');
    const tokens = new PushTokens(srv.sql);
    await pollUntil(
      () => tokens.ofTrack(link),
      (left) => left.length === 0,
      'the browser to be forgotten',
    );
  });

  it('does not announce a change again after a restart', async () => {
    const dataDir = tempDataDir();
    let srv = await h.start({}, dataDir);
    let s = h.sessions;
    await registerPush(srv.url, s.outlet, TABLET, 'outlet');
    const { orderId } = await placeOrder(srv.url, PICKUP_ORDER);
    await h.sentAfter(1_000, 1);
    await srv.close();

    srv = await h.start({}, dataDir);
    s = h.sessions;
    await appendAs(srv.url, s.admin, orderId, { type: 'note', text: 'Customer will be late' });
    await h.nothingMoreAfter(2_000);
    expect(h.fake.requests).toHaveLength(1);
  });
});
