import { cashCollected } from '../cash/collection';
import type { OrderView } from './orderDoc';

/**
 * What may still be refunded on an order, minor units: for card, what the provider confirmed taken; for
 * cash, what was actually collected (cashCollected); less what was refunded already. The admin app offers
 * it and the server holds every refund to it.
 */
export function refundLeft({ header, state }: Pick<OrderView, 'header' | 'state'>): number {
  const taken = header.payment.method === 'card' ? state.payment.paid : cashCollected(header, state.applied);
  return Math.max(0, taken - state.payment.refunded);
}
