import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderDocName, trackDocName } from '../../../shared/docNames';
import type { OrderId, TrackingToken } from '../../../shared/ids';
import { compareEvents } from '../../../shared/order/events';
import { readOrder, type OrderView } from '../../../shared/order/orderDoc';
import { SYSTEM_ID } from '../../../shared/roles';
import { readTrack } from '../../../shared/track';
import type { DabbaServer } from '../../../sync-server/app';
import { PICKUP_ORDER, placeOrder } from '../support/api';
import { placeCardOrder, startCardServer } from '../support/cardOrders';
import { appendAs } from '../support/drivers';
import { startFakeStripe, type FakeStripe } from '../support/fakeStripe';
import { errorOf, postJson } from '../support/http';
import { MuxTestClient } from '../support/muxClient';
import { DELIVERY } from '../support/refusals';
import { useTestServer } from '../support/testServer';

const tokenOf = (trackingUrl: string): TrackingToken => trackingUrl.split('/track/')[1] as TrackingToken;

async function orderOnTablet(url: string, token: string, orderId: OrderId): Promise<OrderView | null> {
  const tablet = await MuxTestClient.connect(url, token);
  try {
    return readOrder(await tablet.open(orderDocName(orderId)));
  } finally {
    tablet.close();
  }
}

describe('POST /api/track/:token/cancel', () => {
  const t = useTestServer({ DABBA_TRACK_LOOKUPS_PER_MINUTE: '4', DABBA_ORDERS_PER_MINUTE: '100' });
  const cancel = (link: string, body?: unknown) => postJson(`${t.url}/api/track/${link}/cancel`, body ?? {});

  it('cancels a cash order the kitchen has not accepted, so the outlet no longer has it waiting', async () => {
    const { orderId, trackingUrl } = await placeOrder(t.url, DELIVERY);
    const link = tokenOf(trackingUrl);
    const res = await cancel(link, { reason: 'Ordered to the wrong address' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'cancelled' });

    const order = await orderOnTablet(t.url, t.outlet.token, orderId);
    expect(order?.state.status).toBe('cancelled');
    const events = [...(order?.state.applied ?? [])].sort(compareEvents);
    const last = events.at(-1);
    expect(last).toMatchObject({ type: 'cancelled', by: { id: SYSTEM_ID, role: 'system' } });
    expect(last?.type === 'cancelled' ? last.reason : '').toBe('Cancelled by the customer: Ordered to the wrong address');
    expect(last?.at).toBeGreaterThan(events[0]?.at ?? Infinity);

    // The tracking projection follows in a hook after the commit; read over a staff socket, which spends no lookups.
    await t.server.hooksSettled();
    const tablet = await MuxTestClient.connect(t.url, t.outlet.token);
    expect(readTrack(await tablet.open(trackDocName(link)))?.status).toBe('cancelled');
    tablet.close();
  });

  it('answers the same 200 when the cancel is sent again, and appends it once', async () => {
    const { orderId, trackingUrl } = await placeOrder(t.url, PICKUP_ORDER);
    expect((await cancel(tokenOf(trackingUrl))).status).toBe(200);
    const again = await cancel(tokenOf(trackingUrl));
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ status: 'cancelled' });
    const order = await orderOnTablet(t.url, t.outlet.token, orderId);
    expect(order?.state.applied.filter((e) => e.type === 'cancelled')).toHaveLength(1);
  });

  it('refuses with 409 once the kitchen accepted, and once the outlet itself ended the order', async () => {
    const accepted = await placeOrder(t.url, DELIVERY);
    await appendAs(t.url, t.outlet, accepted.orderId, { type: 'accepted', prepMinutes: 15 });
    const late = await cancel(tokenOf(accepted.trackingUrl));
    expect(late.status).toBe(409);
    expect(errorOf(late)?.code).toBe('order_accepted');
    expect((await orderOnTablet(t.url, t.outlet.token, accepted.orderId))?.state.status).toBe('accepted');

    const rejected = await placeOrder(t.url, DELIVERY);
    await appendAs(t.url, t.outlet, rejected.orderId, { type: 'rejected', reason: 'Out of dosa batter' });
    const finished = await cancel(tokenOf(rejected.trackingUrl));
    expect(finished.status).toBe(409);
    expect(errorOf(finished)?.code).toBe('order_finished');
  });

  it('validates the reason, and answers 404 for an unknown link, spending the lookup budget', async () => {
    const { trackingUrl } = await placeOrder(t.url, DELIVERY);
    const tooLong = await cancel(tokenOf(trackingUrl), { reason: 'x'.repeat(201) });
    expect(tooLong.status).toBe(400);
    expect(errorOf(tooLong)?.code).toBe('invalid_body');

    // Right links spend nothing; four wrong ones spend this minute's budget, and then even a right one waits.
    for (let i = 0; i < 4; i++) {
      const wrong = await cancel(`guess-${i}`);
      expect(wrong.status).toBe(404);
      expect(errorOf(wrong)?.code).toBe('not_found');
    }
    expect((await cancel(tokenOf(trackingUrl))).status).toBe(429);
  });
});

describe('cancelling a card order from its tracking link', () => {
  let stripe: FakeStripe;
  let server: DabbaServer;
  beforeAll(async () => {
    stripe = await startFakeStripe();
    server = await startCardServer(stripe);
  });
  afterAll(async () => {
    await server.close();
    await stripe.close();
  });

  it('is refused with 409: the restaurant cancels and refunds card orders', async () => {
    const { placed } = await placeCardOrder(server.url, stripe);
    const res = await postJson(`${server.url}/api/track/${tokenOf(placed.trackingUrl)}/cancel`, {});
    expect(res.status).toBe(409);
    expect(errorOf(res)?.code).toBe('paid_by_card');
  });
});
