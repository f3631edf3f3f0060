import { describe, expect, it } from 'vitest';
import { eventNameOf, ORDER_EVENT_NAMES } from '../../../../shared/api/webhooks';
import { money } from '../../../../shared/money';
import { orderHeaderSchema } from '../../../../shared/order/header';
import { reduceOrder } from '../../../../shared/order/reduceOrder';
import { mayAppend } from '../../../../shared/permissions';
import { ADMIN, ADMIN_ACTOR, MINUTE, OUTLET, SYSTEM, event, header } from './fixtures';

const amount = money(45_000);
const placed = event('placed', 0, SYSTEM, {});
const pending = event('payment_pending', 1, SYSTEM, {
  provider: 'stripe',
  amount,
  currency: 'INR',
  checkoutRef: 'cs_test_1',
  expiresAt: 1_700_000_000_000 + 30 * MINUTE,
});
const paid = event('paid', 2 * MINUTE, SYSTEM, { provider: 'stripe', amount, currency: 'INR', paymentRef: 'pi_1' });
const refund = (at: number, minor: number) =>
  event('refunded', at, SYSTEM, {
    amount: money(minor),
    currency: 'INR',
    reason: 'cold food',
    method: 'card',
    refundedBy: ADMIN_ACTOR.id,
  });

describe('card payment in the order fold', () => {
  it('keeps a card order awaiting payment, where the outlet cannot accept it, until it is paid', () => {
    const accept = event('accepted', MINUTE, OUTLET, { prepMinutes: 10 });
    const state = reduceOrder([placed, pending, accept]);
    expect(state.status).toBe('awaiting_payment');
    expect(state.payment).toEqual({ status: 'pending', paid: 0, refunded: 0 });
    expect(state.conflicts.map((c) => c.event.id)).toEqual([accept.id]);
  });

  it('places the order with the outlet once the payment is confirmed', () => {
    const accept = event('accepted', 3 * MINUTE, OUTLET, { prepMinutes: 10 });
    const state = reduceOrder([placed, pending, paid, accept]);
    expect(state.status).toBe('accepted');
    expect(state.payment).toEqual({ status: 'paid', paid: 45_000, refunded: 0 });
  });

  it('counts a confirmation delivered twice (two events) only once', () => {
    const again = event('paid', 3 * MINUTE, SYSTEM, { provider: 'stripe', amount, currency: 'INR', paymentRef: 'pi_1' });
    const state = reduceOrder([placed, pending, paid, again]);
    expect(state.payment.paid).toBe(45_000);
    expect(state.conflicts.map((c) => c.event.id)).toEqual([again.id]);
  });

  it('ends an abandoned payment with a cancel and ignores a confirmation after it', () => {
    const cancel = event('cancelled', 30 * MINUTE, SYSTEM, { reason: 'The card payment was not completed in time.' });
    const late = event('paid', 31 * MINUTE, SYSTEM, { provider: 'stripe', amount, currency: 'INR', paymentRef: 'pi_1' });
    const state = reduceOrder([placed, pending, cancel, late]);
    expect(state.status).toBe('cancelled');
    expect(state.payment.paid).toBe(0);
  });

  it('adds up partial refunds and refuses a refund of an unpaid card order', () => {
    expect(reduceOrder([placed, pending, paid, refund(5 * MINUTE, 10_000), refund(6 * MINUTE, 5_000)]).payment.refunded).toBe(15_000);
    const early = refund(MINUTE, 100);
    expect(reduceOrder([placed, pending, early]).conflicts.map((c) => c.event.id)).toEqual([early.id]);
  });

  it('lets no device role append payment events, only the server', () => {
    for (const type of ['payment_pending', 'paid', 'payment_failed', 'refunded'] as const) {
      expect(mayAppend('system', type)).toBe(true);
      for (const role of [ADMIN.role, OUTLET.role, 'driver', 'customer'] as const) expect(mayAppend(role, type)).toBe(false);
    }
  });
});

describe('payment contracts', () => {
  it('still reads order headers from before card payments', () => {
    expect(orderHeaderSchema.parse(header()).payment.method).toBe('cash');
    expect(orderHeaderSchema.parse({ ...header(), payment: { method: 'card' } }).payment.method).toBe('card');
  });

  it('names payment events payment.* for webhook receivers and the rest order.*', () => {
    expect(eventNameOf('paid')).toBe('payment.paid');
    expect(eventNameOf('refunded')).toBe('payment.refunded');
    expect(eventNameOf('payment_pending')).toBe('payment.pending');
    expect(eventNameOf('payment_failed')).toBe('payment.failed');
    expect(eventNameOf('accepted')).toBe('order.accepted');
    expect(ORDER_EVENT_NAMES).not.toContain('order.paid');
  });
});
