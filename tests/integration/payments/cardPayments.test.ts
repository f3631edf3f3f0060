import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentConfig, PlacedResponse, RefundResponse } from '../../../shared/api/orders';
import { orderDocName, outletInboxName } from '../../../shared/docNames';
import type { OrderId, OutletId } from '../../../shared/ids';
import { inboxOrderIds } from '../../../shared/inbox';
import type { OrderView } from '../../../shared/order/orderDoc';
import type { TrackView } from '../../../shared/track';
import type { DabbaServer } from '../../../sync-server/app';
import { loginAll, type DemoSessions } from '../support/api';
import { CARD_ORDER, orderNow as orderAsSynced, placeCardOrder as placeOrderByCard, startCardServer } from '../support/cardOrders';
import { startFakeStripe, type FakeSession, type FakeStripe } from '../support/fakeStripe';
import { errorOf, getJson, postJson } from '../support/http';
import { MuxTestClient } from '../support/muxClient';
import { pollUntil } from '../support/poll';
import { DEMO_OUTLET, startTestServer } from '../support/server';

let stripe: FakeStripe;
let server: DabbaServer;
let s: DemoSessions;

beforeAll(async () => {
  stripe = await startFakeStripe();
  server = await startCardServer(stripe, { DABBA_ORDERS_PER_MINUTE: '1000' });
  s = await loginAll(server.url);
});
afterAll(async () => {
  await server.close();
  await stripe.close();
});

const placeCardOrder = (key?: string) => placeOrderByCard(server.url, stripe, key);

/** The order as an admin's device syncs it now. */
const orderNow = (orderId: OrderId): Promise<OrderView> => orderAsSynced(server.url, s.admin.token, orderId);

async function outletInbox(): Promise<OrderId[]> {
  const tablet = await MuxTestClient.connect(server.url, s.outlet.token);
  try {
    return inboxOrderIds(await tablet.open(outletInboxName(DEMO_OUTLET as OutletId)));
  } finally {
    tablet.close();
  }
}

const outboxTypes = async (orderId: OrderId): Promise<string[]> =>
  (await server.sql.selectFrom('outbox').select(['type']).where('order_id', '=', orderId).orderBy('seq').execute()).map((r) => r.type);

/** One signed `checkout.session.completed` about `session`, to deliver as often as a test likes (same event id). */
function deliverer(session: FakeSession): () => Promise<Response> {
  const { body, signature } = stripe.signedEvent('checkout.session.completed', session);
  return () => fetch(stripe.webhookUrl ?? '', { method: 'POST', headers: { 'stripe-signature': signature }, body });
}

describe('card payments through Stripe', () => {
  it('offers card when Stripe is configured', async () => {
    const res = await getJson<PaymentConfig>(`${server.url}/api/payments/config`);
    expect(res.body).toEqual({ methods: ['cash', 'card'], cardProvider: 'stripe' });
  });

  it('opens a checkout for the server-priced total and keeps the order from the outlet until it is paid', async () => {
    const { placed, session } = await placeCardOrder();
    // 2 × 9000 plain dosa, pickup: no delivery fee.
    expect(session.amount_total).toBe(18000);
    expect(session.currency).toBe('inr');
    expect(session.metadata.orderId).toBe(placed.orderId);
    expect(session.success_url).toBe(placed.trackingUrl);
    expect(stripe.calls.find((c) => c.path === '/v1/checkout/sessions')?.idempotencyKey).toBe(`dabba-checkout-${placed.orderId}`);
    const before = await orderNow(placed.orderId);
    expect(before.state.status).toBe('awaiting_payment');
    expect(before.header.payment.method).toBe('card');
    expect(await outletInbox()).not.toContain(placed.orderId);

    expect(await stripe.pay(session.id)).toBe(200);
    const after = await orderNow(placed.orderId);
    expect(after.state.status).toBe('placed');
    expect(after.state.payment).toEqual({ status: 'paid', paid: 18000, refunded: 0 });
    await pollUntil(outletInbox, (ids) => ids.includes(placed.orderId), 'the paid order in the outlet inbox');
    expect(await outboxTypes(placed.orderId)).toEqual(['order.placed', 'payment.pending', 'payment.paid']);
  });

  it('changes nothing when the same webhook comes twice or a stale one comes after', async () => {
    const { placed, session } = await placeCardOrder();
    session.status = 'complete';
    session.payment_status = 'paid';
    session.payment_intent = 'pi_test_twice';
    const deliver = deliverer(session);
    const answers = await Promise.all([deliver(), deliver()]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect((await deliver()).status).toBe(200);
    // A late "expired" for the same checkout (out of order) does not undo the payment.
    expect(await stripe.send('checkout.session.expired', session)).toBe(200);
    const view = await orderNow(placed.orderId);
    expect(view.state.status).toBe('placed');
    expect(view.state.applied.filter((e) => e.type === 'paid')).toHaveLength(1);
    expect(view.state.payment.paid).toBe(18000);
    expect(await outboxTypes(placed.orderId)).toEqual(['order.placed', 'payment.pending', 'payment.paid']);
  });

  it('refuses a webhook with a bad signature and leaves the order waiting', async () => {
    const { placed, session } = await placeCardOrder();
    session.status = 'complete';
    session.payment_status = 'paid';
    session.payment_intent = 'pi_test_forged';
    expect(await stripe.send('checkout.session.completed', session, 'whsec_not_the_secret')).toBe(400);
    const { body } = stripe.signedEvent('checkout.session.completed', session);
    const unsigned = await fetch(stripe.webhookUrl ?? '', { method: 'POST', body });
    expect(unsigned.status).toBe(400);
    expect((await unsigned.json()) as unknown).toEqual({ error: { code: 'bad_signature', message: 'The signature does not verify.' } });
    expect((await orderNow(placed.orderId)).state.status).toBe('awaiting_payment');
  });

  it('cancels the order, never reaching the outlet, when the payment fails', async () => {
    const { placed, session } = await placeCardOrder();
    expect(await stripe.send('checkout.session.async_payment_failed', session)).toBe(200);
    const view = await orderNow(placed.orderId);
    expect(view.state.status).toBe('cancelled');
    expect(view.state.payment.status).toBe('failed');
    expect(view.state.applied.map((e) => e.type)).toEqual(['placed', 'payment_pending', 'payment_failed', 'cancelled']);
    expect(await outletInbox()).not.toContain(placed.orderId);
  });

  it('cancels the order cleanly when the checkout expires unpaid, and a later payment for it does not revive it', async () => {
    const { placed, session } = await placeCardOrder();
    session.status = 'expired';
    expect(await stripe.send('checkout.session.expired', session)).toBe(200);
    const view = await orderNow(placed.orderId);
    expect(view.state.status).toBe('cancelled');
    expect(view.state.applied.at(-1)).toMatchObject({
      type: 'cancelled',
      by: { role: 'system' },
      reason: 'The card payment was not completed in time.',
    });
    expect(await stripe.pay(session.id)).toBe(200);
    expect((await orderNow(placed.orderId)).state.status).toBe('cancelled');
    expect(await outletInbox()).not.toContain(placed.orderId);
  });

  it('refunds a payment that lands on an order cancelled meanwhile, once however often it is told', async () => {
    const { placed, session } = await placeCardOrder();
    expect(await stripe.send('checkout.session.expired', session)).toBe(200);
    session.status = 'complete';
    session.payment_status = 'paid';
    session.payment_intent = 'pi_test_after_cancel';
    const deliver = deliverer(session);
    const twice = await Promise.all([deliver(), deliver()]);
    expect(twice.map((r) => r.status)).toEqual([200, 200]);
    expect((await deliver()).status).toBe(200);
    // Another notification of the same payment (a new event id) gives nothing back again either.
    expect(await stripe.send('checkout.session.completed', session)).toBe(200);

    expect(stripe.refunds.filter((r) => r.payment_intent === 'pi_test_after_cancel').map((r) => r.amount)).toEqual([18000]);
    const view = await orderNow(placed.orderId);
    expect(view.state.status).toBe('cancelled');
    expect(view.state.applied.filter((e) => e.type === 'refunded')).toMatchObject([
      {
        amount: 18000,
        currency: 'INR',
        method: 'card',
        reason: 'Paid after the order was cancelled',
        refundedBy: 'system',
        by: { role: 'system' },
      },
    ]);
    expect(view.state.payment).toEqual({ status: 'pending', paid: 0, refunded: 18000 });
    const track = await pollUntil(
      async () => (await getJson<TrackView>(`${server.url}/api/track/${placed.trackingUrl.split('/track/')[1]}`)).body,
      (v) => v.payment?.refunded === 18000,
      'the late refund on the tracking receipt',
    );
    expect(track.status).toBe('cancelled');
    expect(await outletInbox()).not.toContain(placed.orderId);
  });

  it('gives a retried order submit the same order and the same checkout', async () => {
    const key = `card-retry-${Date.now()}`;
    const first = await placeCardOrder(key);
    const again = await placeCardOrder(key);
    expect(again.placed.orderId).toBe(first.placed.orderId);
    expect(again.placed.paymentUrl).toBe(first.placed.paymentUrl);
  });

  it('refuses a device that appends a payment event', async () => {
    const { placed } = await placeCardOrder();
    const device = await MuxTestClient.connect(server.url, s.admin.token);
    const name = orderDocName(placed.orderId);
    await device.open(name);
    const answer = await device.propose(name, (doc) =>
      doc.getArray('events').push([
        {
          id: 'forged-paid-1',
          type: 'paid',
          at: Date.now(),
          by: { id: s.admin.user.id, role: 'admin' },
          provider: 'stripe',
          amount: 18000,
          currency: 'INR',
          paymentRef: 'pi_x',
        },
      ]),
    );
    device.close();
    expect(answer).toMatchObject({ code: 'event_not_allowed' });
    expect((await orderNow(placed.orderId)).state.status).toBe('awaiting_payment');
  });
});

describe('refunds', () => {
  const refund = (orderId: OrderId, amount: number, key: string, token = s.admin.token) =>
    postJson<RefundResponse>(
      `${server.url}/api/orders/${orderId}/refunds`,
      { amount, reason: 'Cold food' },
      { token, idempotencyKey: key },
    );

  async function paidCardOrder(): Promise<OrderId> {
    return (await paidCardOrderPlaced()).orderId;
  }

  async function paidCardOrderPlaced(): Promise<PlacedResponse> {
    const { placed, session } = await placeCardOrder();
    expect(await stripe.pay(session.id)).toBe(200);
    return placed;
  }

  const receiptOf = async (placed: PlacedResponse) =>
    (await getJson<TrackView>(`${server.url}/api/track/${placed.trackingUrl.split('/track/')[1]}`)).body;

  it('refunds a card order partly then fully through Stripe, never more than was paid', async () => {
    const placed = await paidCardOrderPlaced();
    const orderId = placed.orderId;
    const paymentIntent = [...stripe.sessions.values()].find((x) => x.metadata.orderId === orderId)?.payment_intent;
    const first = await refund(orderId, 5000, `refund-a-${orderId}`);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ method: 'card', amount: 5000, paid: 18000, refunded: 5000 });
    const tooMuch = await refund(orderId, 13001, `refund-b-${orderId}`);
    expect(tooMuch.status).toBe(422);
    expect(errorOf(tooMuch)?.code).toBe('refund_too_large');
    expect((await refund(orderId, 13000, `refund-c-${orderId}`)).body).toMatchObject({ refunded: 18000 });
    expect(stripe.refunds.filter((r) => r.payment_intent === paymentIntent).map((r) => r.amount)).toEqual([5000, 13000]);
    const refundCalls = stripe.calls.filter((c) => c.path === '/v1/refunds');
    expect(refundCalls.every((c) => c.idempotencyKey?.startsWith('dabba-refund-'))).toBe(true);

    const view = await orderNow(orderId);
    expect(view.state.payment).toEqual({ status: 'paid', paid: 18000, refunded: 18000 });
    expect(view.state.applied.filter((e) => e.type === 'refunded')).toMatchObject([
      { amount: 5000, method: 'card', reason: 'Cold food', refundedBy: s.admin.user.id, by: { role: 'system' } },
      { amount: 13000, method: 'card' },
    ]);
    expect((await refund(orderId, 1, `refund-d-${orderId}`)).status).toBe(422);
    // The tracking link's receipt follows: paid, and refunded in full.
    const track = await pollUntil(
      () => receiptOf(placed),
      (v) => v.payment?.refunded === 18000,
      'the refunds on the tracking receipt',
    );
    expect(track.payment).toEqual({ method: 'card', status: 'paid', paid: 18000, refunded: 18000 });
    expect(track.receipt).toEqual({
      lines: [{ name: 'Plain Dosa', qty: 2, unitPrice: 9000, modifiers: [], lineTotal: 18000 }],
      subtotal: 18000,
      deliveryFee: 0,
      // The demo kitchen's prices include 5 % GST: 180.00 × 2.5 / 105 = 4.29 each half.
      taxes: [
        { name: 'CGST', rateBasisPoints: 250, inclusive: true, amount: 429 },
        { name: 'SGST', rateBasisPoints: 250, inclusive: true, amount: 429 },
      ],
      total: 18000,
    });
    await pollUntil(
      () => outboxTypes(orderId),
      (types) => types.filter((t) => t === 'payment.refunded').length === 2,
      'both refunds in the outbox',
    );
  });

  it('refunds once for a request retried with the same Idempotency-Key', async () => {
    const orderId = await paidCardOrder();
    const key = `refund-retry-${orderId}`;
    const [a, b] = [await refund(orderId, 2000, key), await refund(orderId, 2000, key)];
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.refunded).toBe(2000);
    expect((await orderNow(orderId)).state.payment.refunded).toBe(2000);
  });

  it('refuses a refund from anyone but an admin and of an unpaid card order', async () => {
    const { placed } = await placeCardOrder();
    expect((await refund(placed.orderId, 100, `refund-outlet-${placed.orderId}`, s.outlet.token)).status).toBe(403);
    const unpaid = await refund(placed.orderId, 100, `refund-unpaid-${placed.orderId}`);
    expect(errorOf(unpaid)?.code).toBe('nothing_to_refund');
  });
});

describe('without Stripe keys', () => {
  it('offers cash only and refuses a card order with a clear error', async () => {
    const cashOnly = await startTestServer();
    try {
      expect((await getJson<PaymentConfig>(`${cashOnly.url}/api/payments/config`)).body).toEqual({ methods: ['cash'], cardProvider: null });
      const res = await postJson(`${cashOnly.url}/api/orders`, CARD_ORDER);
      expect(res.status).toBe(422);
      expect(errorOf(res)).toEqual({ code: 'card_unavailable', message: 'Card payment is not offered here; choose cash.' });
      expect((await postJson(`${cashOnly.url}/api/payments/stripe/webhook`, {})).status).toBe(404);
    } finally {
      await cashOnly.close();
    }
  });
});
