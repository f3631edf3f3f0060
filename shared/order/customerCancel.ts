import type { Failure } from '../result';
import type { PaymentMethod } from './events';
import { isTerminal, type OrderStatus } from './status';

/** Why a customer holding only the tracking link may not cancel the order (any more). */
export type CustomerCancelRefusal = 'order_finished' | 'paid_by_card' | 'order_accepted';

/** What the rule reads: the same facts on the server (the order document) and the tracking page (its projection). */
export interface CustomerCancelFacts {
  readonly status: OrderStatus;
  readonly paymentMethod: PaymentMethod;
}

/**
 * A customer may cancel a cash order until the kitchen accepts it: before that nothing was cooked and no
 * money moved. Card orders are left to the restaurant, which can cancel and refund them together; a
 * customer cancel would otherwise end an order whose money still has to be given back by hand.
 */
export function customerCancelRefusal(facts: CustomerCancelFacts): Failure<CustomerCancelRefusal> | null {
  if (isTerminal(facts.status))
    return { code: 'order_finished', message: `This order is already ${facts.status}: there is nothing to cancel.` };
  if (facts.paymentMethod === 'card')
    return {
      code: 'paid_by_card',
      message: 'Card orders cannot be cancelled from the tracking page. Call the restaurant: they can cancel it and refund you.',
    };
  if (facts.status !== 'placed')
    return {
      code: 'order_accepted',
      message: 'The restaurant has already accepted this order, so it can no longer be cancelled here. Call the restaurant.',
    };
  return null;
}

export const canCustomerCancel = (facts: CustomerCancelFacts): boolean => customerCancelRefusal(facts) === null;

/** Longest reason a customer may give; the event's reason allows 500 with the prefix. */
export const CUSTOMER_REASON_MAX = 200;
const PREFIX = 'Cancelled by the customer';

/** The `cancelled` event's reason: says who cancelled, since the event itself is authored by the server. */
export function customerCancelReason(text?: string): string {
  const said = text?.trim().slice(0, CUSTOMER_REASON_MAX);
  return said ? `${PREFIX}: ${said}` : PREFIX;
}
