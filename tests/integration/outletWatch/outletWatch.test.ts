import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { adminAlertsMap, type AdminAlert } from '../../../shared/adminAlerts';
import { ADMIN_INBOX, orderDocName, outletInboxName } from '../../../shared/docNames';
import { newEventId, OutletIdSchema, type OrderId } from '../../../shared/ids';
import { inboxMap } from '../../../shared/inbox';
import { eventsArray } from '../../../shared/order/orderDoc';
import type { TrackView } from '../../../shared/track';
import { MuxType } from '../../../shared/protocol/muxMessages';
import type { DabbaServer } from '../../../sync-server/app';
import { OrderIndex } from '../../../sync-server/storage/orderIndex';
import { authorOf, loginAll, PICKUP_ORDER, placeOrder, type DemoSessions } from '../support/api';
import { errorOf, getJson, postJson } from '../support/http';
import { ManualClock } from '../support/manualClock';
import { pollUntil } from '../support/poll';
import { MuxTestClient } from '../support/muxClient';
import { DEMO_OUTLET, startTestServer } from '../support/server';
import { eventually } from '../support/stockClient';

const MIN = 60_000;
const EVERY = 1_000;
const outletId = OutletIdSchema.parse(DEMO_OUTLET);

let server: DabbaServer;
let clock: ManualClock;
let s: DemoSessions;
const clients: MuxTestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server.close();
});

async function start(): Promise<void> {
  clock = new ManualClock();
  server = await startTestServer(
    {
      DABBA_OUTLET_WATCH_MS: String(EVERY),
      // clock.tick knows the watch's pass by the period it re-arms; the webhook worker's poll must not share it.
      DABBA_WEBHOOK_POLL_MS: String(60 * MIN),
      DABBA_OUTLET_OFFLINE_PAUSE_MS: String(5 * MIN),
      DABBA_UNANSWERED_ESCALATE_MS: String(3 * MIN),
      DABBA_UNANSWERED_ALERT_MS: String(6 * MIN),
      DABBA_ORDERS_PER_MINUTE: '100',
    },
    { clock },
  );
  s = await loginAll(server.url);
}

async function connect(token: string): Promise<MuxTestClient> {
  const client = await MuxTestClient.connect(server.url, token);
  clients.push(client);
  return client;
}

/**
 * An outlet tablet online as the watch sees it: the server puts a socket in presence only after
 * re-checking its sign-in, a moment after the socket opened (longer on PostgreSQL).
 */
async function connectTablet(): Promise<MuxTestClient> {
  const tablet = await connect(s.outlet.token);
  await pollUntil(
    () => server.presence.devicesOfOutlet(outletId),
    (live) => live.length > 0,
    'the tablet to be in presence',
  );
  return tablet;
}

/** Lets `ms` of watch time pass, one look at a time. */
async function pass(ms: number): Promise<void> {
  for (let left = ms; left > 0; left -= EVERY) await clock.tick(EVERY, EVERY);
}

async function adminAlerts(): Promise<Map<string, AdminAlert>> {
  const desk = await connect(s.admin.token);
  const inbox: Y.Doc = await desk.open(ADMIN_INBOX);
  const alerts = new Map(adminAlertsMap(inbox).entries());
  desk.close();
  return alerts;
}

const track = async (trackingUrl: string): Promise<TrackView> => {
  const token = trackingUrl.split('/').pop() ?? '';
  return (await getJson<TrackView>(`${server.url}/api/track/${token}`)).body;
};

/** What the tracking page says of the restaurant, once its projection (rewritten after the watch's look) says `waiting`. */
const trackSays = (trackingUrl: string, waiting: TrackView['outletWaiting']): Promise<TrackView> =>
  pollUntil(
    () => track(trackingUrl),
    (view) => view.outletWaiting === waiting,
    `the tracking page to say ${String(waiting)}`,
  );

/** When the server took the order, by real time: the watch's clock started earlier, with the server. */
async function placedAt(orderId: OrderId): Promise<number> {
  const row = await new OrderIndex(server.sql).get(orderId);
  if (!row) throw new Error(`${orderId} is not in the order index`);
  return row.createdAt;
}

describe('the outlet watch', () => {
  it('pauses ordering when no tablet of the outlet is online while an order waits, tells admins, and resumes when one is back', async () => {
    await start();
    const waiting = await placeOrder(server.url);
    await pass(5 * MIN - EVERY);
    expect((await postJson(`${server.url}/api/orders`, PICKUP_ORDER)).status).toBe(201);

    await pass(2 * EVERY);
    const refused = await postJson(`${server.url}/api/orders`, PICKUP_ORDER);
    expect(errorOf(refused)).toMatchObject({
      code: 'outlet_paused',
      message: expect.stringContaining("the restaurant's tablet is offline"),
    });
    await trackSays(waiting.trackingUrl, 'offline');
    const offline = (await adminAlerts()).get(`outlet_offline:${outletId}`);
    expect(offline).toMatchObject({ kind: 'outlet_offline', resolvedAt: null, message: expect.stringContaining('offline for 5 minutes') });

    await connectTablet();
    await pass(EVERY);
    expect((await postJson(`${server.url}/api/orders`, PICKUP_ORDER)).status).toBe(201);
    expect((await adminAlerts()).get(`outlet_offline:${outletId}`)?.resolvedAt).toBeGreaterThan(offline?.raisedAt ?? Infinity);
  });

  it('leaves a pause staff set alone when a tablet comes back', async () => {
    await start();
    const tablet = await connectTablet();
    const outletDoc = await tablet.open(`outlet:${outletId}`);
    const answer = await tablet.change(`outlet:${outletId}`, (d) =>
      d.getMap('status').set('paused', { until: null, reason: 'Gas leak', at: Date.now() }),
    );
    expect(answer.type).toBe(MuxType.ACK);
    await pass(3 * EVERY);
    expect(outletDoc.getMap('status').get('paused')).toMatchObject({ reason: 'Gas leak' });
  });

  it('refuses a pause a device marks as the server’s own', async () => {
    await start();
    const tablet = await connectTablet();
    await tablet.open(`outlet:${outletId}`);
    const answer = await tablet.change(`outlet:${outletId}`, (d) =>
      d.getMap('status').set('paused', { until: null, reason: 'x', at: Date.now(), auto: 'tablet_offline' }),
    );
    expect(answer).toMatchObject({ type: MuxType.REJECT, message: expect.stringContaining('Only the server') });
  });

  it('rings an online outlet harder when an order goes unanswered, tells admins later, and settles once it is accepted', async () => {
    await start();
    const tablet = await connectTablet();
    const inbox = await tablet.open(outletInboxName(outletId));
    const { orderId, trackingUrl } = await placeOrder(server.url);

    // To the last look before it has waited 3 minutes by the watch's clock, then one look past it.
    await pass((await placedAt(orderId)) + 3 * MIN - EVERY - clock.now());
    expect(inboxMap(inbox).get(orderId)?.escalatedAt).toBeUndefined();
    await pass(EVERY);
    // Real time, not watch time: the inbox write and its relay take seconds on a loaded machine.
    await eventually(() => inboxMap(inbox).get(orderId)?.escalatedAt !== undefined, 15_000, 'the escalation to reach the tablet');
    await trackSays(trackingUrl, 'slow');
    expect((await postJson(`${server.url}/api/orders`, PICKUP_ORDER)).status).toBe(201);
    expect((await adminAlerts()).has(`order_unanswered:${orderId}`)).toBe(false);

    await pass(3 * MIN);
    expect((await adminAlerts()).get(`order_unanswered:${orderId}`)).toMatchObject({
      resolvedAt: null,
      message: expect.stringContaining('although a tablet is online'),
    });

    await tablet.open(orderDocName(orderId));
    const accepted = await tablet.change(orderDocName(orderId), (d) =>
      eventsArray(d).push([{ id: newEventId(), type: 'accepted', at: Date.now(), by: authorOf(s.outlet), prepMinutes: 15 }]),
    );
    expect(accepted.type).toBe(MuxType.ACK);
    // The watch reads the order index, which the commit's hooks update after the ACK: it looks again once they ran.
    await server.hooksSettled();
    await pass(EVERY);
    expect((await adminAlerts()).get(`order_unanswered:${orderId}`)?.resolvedAt).not.toBeNull();
    await trackSays(trackingUrl, null);
  });
});
