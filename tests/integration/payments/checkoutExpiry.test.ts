import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderId } from '../../../shared/ids';
import type { OrderView } from '../../../shared/order/orderDoc';
import type { DabbaServer } from '../../../sync-server/app';
import { loginAll, type DemoSessions } from '../support/api';
import { orderNow as orderAsSynced, placeCardOrder as placeOrderByCard, startCardServer } from '../support/cardOrders';
import { startFakeStripe, type FakeSession, type FakeStripe } from '../support/fakeStripe';
import { ManualClock } from '../support/manualClock';

const MIN = 60_000;
/** The sweep's period: one no other periodic work here shares, so clock.tick knows the end of its pass. */
const SWEEP = 47_000;
/** Past the 30-minute checkout and its 2-minute grace. */
const LAPSE = 33 * MIN;

let stripe: FakeStripe;
let server: DabbaServer;
let clock: ManualClock;
let s: DemoSessions;

beforeAll(async () => {
  stripe = await startFakeStripe();
  clock = new ManualClock();
  server = await startCardServer(
    stripe,
    { DABBA_CHECKOUT_SWEEP_MS: String(SWEEP), DABBA_WEBHOOK_POLL_MS: String(60 * MIN), DABBA_ORDERS_PER_MINUTE: '1000' },
    { clock },
  );
  s = await loginAll(server.url);
});
afterAll(async () => {
  await server.close();
  await stripe.close();
});

const orderNow = (orderId: OrderId): Promise<OrderView> => orderAsSynced(server.url, s.admin.token, orderId);
const expireCalls = (session: FakeSession) => stripe.calls.filter((c) => c.path === `/v1/checkout/sessions/${session.id}/expire`);

describe('abandoned card payments whose expiry the provider never reports', () => {
  it('cancels the order once its checkout lapsed, after closing the checkout at the provider', async () => {
    const { placed, session } = await placeOrderByCard(server.url, stripe);
    // A pass before the checkout lapsed leaves it alone.
    await clock.tick(SWEEP, SWEEP);
    expect(expireCalls(session)).toEqual([]);
    expect((await orderNow(placed.orderId)).state.status).toBe('awaiting_payment');

    await clock.tick(LAPSE, SWEEP);
    expect(expireCalls(session)).toEqual([
      { method: 'POST', path: `/v1/checkout/sessions/${session.id}/expire`, idempotencyKey: `dabba-expire-${session.id}` },
    ]);
    expect(session.status).toBe('expired');
    const view = await orderNow(placed.orderId);
    expect(view.state.status).toBe('cancelled');
    expect(view.state.applied.map((e) => e.type)).toEqual(['placed', 'payment_pending', 'cancelled']);
    const cancel = view.state.applied.at(-1);
    expect(cancel?.by.role).toBe('system');
    expect(cancel?.type === 'cancelled' ? cancel.reason : null).toBe('The card payment was not completed in time.');

    // The provider's own notice, late, and further passes change nothing: one cancel.
    expect(await stripe.send('checkout.session.expired', session)).toBe(200);
    await clock.tick(SWEEP, SWEEP);
    const after = await orderNow(placed.orderId);
    expect(after.state.applied.filter((e) => e.type === 'cancelled')).toHaveLength(1);
    expect(expireCalls(session)).toHaveLength(1);
  });

  it('leaves an order whose checkout was paid, notification still on its way, for that notification', async () => {
    const { placed, session } = await placeOrderByCard(server.url, stripe);
    session.status = 'complete';
    session.payment_status = 'paid';
    session.payment_intent = 'pi_test_late_webhook';

    await clock.tick(LAPSE, SWEEP);
    expect(expireCalls(session)).toHaveLength(1);
    expect((await orderNow(placed.orderId)).state.status).toBe('awaiting_payment');

    expect(await stripe.send('checkout.session.completed', session)).toBe(200);
    const view = await orderNow(placed.orderId);
    expect(view.state.status).toBe('placed');
    expect(view.state.payment).toEqual({ status: 'paid', paid: 18000, refunded: 0 });
  });
});
