import { cashDue } from '../dispatch/offer';
import type { EventOf, OrderEvent } from '../order/events';
import type { OrderHeader } from '../order/header';

/** Why no cash is ever recorded on a card order: the customer paid online, so the driver takes nothing. */
export const CARD_ORDER_NO_CASH = 'This order was paid by card: no cash is collected on it.';

/**
 * Why this `cash_collected` may not be recorded on this order, or null when it may. The amount is the
 * order's cash only, at most what was due: a customer short of cash is recorded as less (and shown as
 * short everywhere), while a tip is the driver's own money and stays out of the business's ledger.
 */
export function cashCollectionProblem(header: OrderHeader, event: Pick<EventOf<'cash_collected'>, 'amount' | 'currency'>): string | null {
  // Said apart from "nothing due": cash taken at the door of a card order would be the customer paying twice.
  if (header.payment.method === 'card') return CARD_ORDER_NO_CASH;
  const due = cashDue(header);
  if (due === 0) return 'Nothing is due in cash on this order.';
  if (event.currency !== undefined && event.currency !== header.currency)
    return `The order is in ${header.currency}, not ${event.currency}.`;
  if (event.amount > due) return 'More than the cash due was recorded; a tip is not part of the order’s cash.';
  return null;
}

/** What was collected on an order: its first `cash_collected` by (at, id) wins, so a repeat counts once on every device. */
export function collectedOn(events: readonly OrderEvent[]): EventOf<'cash_collected'> | null {
  let first: EventOf<'cash_collected'> | null = null;
  for (const e of events) {
    if (e.type !== 'cash_collected') continue;
    if (!first || e.at < first.at || (e.at === first.at && e.id < first.id)) first = e;
  }
  return first;
}

/** How much short of the cash due the collection was, minor units; 0 when in full. */
export const shortBy = (header: OrderHeader, collected: Pick<EventOf<'cash_collected'>, 'amount'>): number =>
  Math.max(0, cashDue(header) - collected.amount);

/**
 * The cash the business actually holds for an order, minor units: on a delivery, what the driver recorded
 * collecting (its `cash_collected`, short ones included); on a pickup or dine-in order, whose cash the
 * counter takes as it hands the order over (no event records it apart), the total once handed over.
 * 0 before either, and on a card order.
 */
export function cashCollected(header: OrderHeader, applied: readonly OrderEvent[]): number {
  if (header.payment.method !== 'cash') return 0;
  if (header.type === 'delivery') return collectedOn(applied)?.amount ?? 0;
  return applied.some((e) => e.type === 'handed_over') ? header.totals.total : 0;
}
