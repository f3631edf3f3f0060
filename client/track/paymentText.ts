import { formatMoney } from '../../shared/money';
import { isTerminal } from '../../shared/order/status';
import type { TrackView } from '../../shared/track';

/** Cash changes hands at the door or the counter: owed until then, paid once handed over, never owed otherwise. */
function cashWords(status: TrackView['status']): string {
  if (status === 'delivered') return 'Paid in cash';
  return isTerminal(status) ? 'Nothing to pay' : 'Pay in cash';
}

/** The payment in the customer's words: "Paid by card", "Awaiting payment", "Cash on delivery", with refunds. */
export function paymentText(view: TrackView): string {
  const payment = view.payment;
  const refunded = payment && payment.refunded > 0 ? ` · Refunded ${formatMoney(payment.refunded, view.currency)}` : '';
  if (!payment || payment.method === 'cash') return `${cashWords(view.status)}${refunded}`;
  switch (payment.status) {
    case 'paid':
      return `Paid by card${refunded}`;
    case 'failed':
      return 'The card payment failed';
    case 'awaiting':
    case null:
      if (!isTerminal(view.status)) return 'Awaiting payment';
      // A payment that landed after the order was given up is given back by the server at once.
      if (payment.refunded > 0) return `Paid after the order was cancelled${refunded}`;
      // Given up unpaid (the checkout lapsed): nothing is owed and nothing was taken.
      return 'Not paid';
  }
}
