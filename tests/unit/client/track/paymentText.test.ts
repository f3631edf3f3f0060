import { describe, expect, it } from 'vitest';
import { paymentText } from '../../../../client/track/paymentText';
import type { TrackPayment, TrackView } from '../../../../shared/track';

const view = (status: TrackView['status'], payment: TrackPayment): TrackView => ({
  status,
  orderType: 'pickup',
  outletName: 'Dabba Demo Kitchen',
  outletPhone: '+91 80 4000 1234',
  placedAt: Date.UTC(2025, 0, 1, 6, 30),
  readyBy: null,
  timeline: [],
  items: [{ name: 'Plain Dosa', qty: 2 }],
  total: 18000,
  currency: 'INR',
  payment,
});

describe('the payment line of the tracking receipt', () => {
  it('says a card order given up unpaid was not paid', () => {
    expect(paymentText(view('cancelled', { method: 'card', status: 'awaiting', paid: 0, refunded: 0 }))).toBe('Not paid');
  });

  it('says a payment that landed after the cancel was refunded, and how much', () => {
    expect(paymentText(view('cancelled', { method: 'card', status: 'awaiting', paid: 0, refunded: 18000 }))).toBe(
      'Paid after the order was cancelled · Refunded ₹180.00',
    );
  });

  it('says a card order still waiting is awaiting payment', () => {
    expect(paymentText(view('awaiting_payment', { method: 'card', status: 'awaiting', paid: 0, refunded: 0 }))).toBe('Awaiting payment');
  });

  it('says a cash order is paid in cash once delivered, owed before, and owed nothing when it was declined', () => {
    const cash: TrackPayment = { method: 'cash', status: null, paid: 0, refunded: 0 };
    expect(paymentText(view('placed', cash))).toBe('Pay in cash');
    expect(paymentText(view('delivered', cash))).toBe('Paid in cash');
    expect(paymentText(view('rejected', cash))).toBe('Nothing to pay');
    expect(paymentText(view('cancelled', cash))).toBe('Nothing to pay');
  });
});
