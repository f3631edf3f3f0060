import { compareEvents, type OrderEvent } from '../../../../shared/order/events';
import type { HeldOrder } from './orderBook';

/** One line of an order's history: every event it holds, in fold order, and whether it took effect. */
export interface TimelineEntry {
  readonly event: OrderEvent;
  /** Why it had no effect (a change that lost a merge), or null when it counted. */
  readonly conflict: string | null;
  /** For an event without effect: the last one that counted before it, which it ran into. */
  readonly after: OrderEvent | null;
}

/** Events that do not move the order on (a note, a delay, an acknowledgement), so a conflict never "ran into" one of them. */
const BYSTANDERS: ReadonlySet<OrderEvent['type']> = new Set(['note', 'delayed', 'acknowledged']);

/**
 * The full history of an order: applied events and those kept without effect, merged in the order
 * every device folds them ((at, id)), each conflict with the change it came after.
 */
export function orderTimeline(order: HeldOrder): TimelineEntry[] {
  const reasons = new Map(order.state.conflicts.map((c) => [c.event.id, c.reason]));
  const events = [...order.state.applied, ...order.state.conflicts.map((c) => c.event)].sort(compareEvents);
  let lastCounted: OrderEvent | null = null;
  return events.map((event) => {
    const conflict = reasons.get(event.id) ?? null;
    const entry = { event, conflict, after: conflict === null ? null : lastCounted };
    if (conflict === null && !BYSTANDERS.has(event.type)) lastCounted = event;
    return entry;
  });
}
