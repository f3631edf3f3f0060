import * as Y from 'yjs';
import type { EventId } from '../../../shared/ids';
import { keyOf, type MarkKey } from '../../../shared/order/causalEvents';
import { cashCollectionProblem } from '../../../shared/cash/collection';
import { deliveredCodeProblem, deliveryCodeFailures } from '../../../shared/order/deliveryCode';
import type { EventOf } from '../../../shared/order/events';
import { eventsArray } from '../../../shared/order/orderDoc';
import { mayAppend } from '../../../shared/permissions';
import { MAX_CLOCK_SKEW_MS, MAX_EVENTS_PER_ORDER } from '../../../shared/protocol/limits';
import type { Actor } from '../../../shared/roles';
import type { OrderLog } from '../orderLog';
import { ACCEPTED, appended, refuse, type CheckResult } from './result';

/** The events root holds plain entries in a list: no keyed entries, no nested Yjs types. */
export function checkEventsShape(scratch: Y.Doc, tr: Y.Transaction): CheckResult {
  const events = eventsArray(scratch);
  for (const [type, keys] of tr.changed) {
    if (type === events) {
      if ([...keys].some((key) => key !== null)) return refuse('event_invalid', 'Order events are a list; keyed entries are not allowed.');
    } else if (isInside(type, events)) {
      return refuse('event_invalid', 'Order events are plain objects; nested shared types are not allowed.');
    }
  }
  return ACCEPTED;
}

function isInside(type: { readonly _item: Y.Item | null }, root: object): boolean {
  for (let item = type._item; item !== null; item = item.parent instanceof Y.AbstractType ? item.parent._item : null) {
    if (item.parent === root) return true;
  }
  return false;
}

/** An amount collected must fit the order's cash due (shared rule); the header is the server's own. */
function cashProblem(order: OrderLog, e: EventOf<'cash_collected'>): string | null {
  const header = order.orderView()?.header;
  return header ? cashCollectionProblem(header, e) : 'The order has no header yet.';
}

/**
 * A driver's `delivered` on an order with a delivery code must name the right code (while tries remain)
 * or carry a photo or signature: a device cannot mark it delivered away from the customer by saying so.
 * Admins and the delivery API (system) are not at the door and are trusted as before.
 * `batchFailures`: wrong codes recorded earlier in the same update.
 */
function deliveredProblem(order: OrderLog, actor: Actor, e: EventOf<'delivered'>, batchFailures: number): string | null {
  if (actor.role !== 'driver') return null;
  const view = order.orderView();
  if (!view) return 'The order has no header yet.';
  return deliveredCodeProblem(view.header.id, view.header.deliveryCode, e, deliveryCodeFailures(view.state) + batchFailures);
}

/**
 * Entries a device appended to an order's events: each must be a plain, valid event, by the signed-in
 * user, of a type their role may add, not stamped in the future, with an id not used before; stamped
 * after `placed` and after every event its author had seen; and it may not reopen a finished order.
 */
export function checkAppendedEvents(items: readonly Y.Item[], order: OrderLog, actor: Actor, now: number): CheckResult {
  // Marking reads the values read here: parsed once, and the commit keeps what both read.
  const parse = order.parser();
  const ids = new Set<EventId>();
  const keys = new Set<MarkKey>();
  let codeFailures = 0;
  for (const item of items) {
    if (!(item.content instanceof Y.ContentAny)) return refuse('event_invalid', 'Order events are plain objects.');
    for (const [k, value] of item.content.getContent().entries()) {
      // A struct that was waiting in a gap shows up again when an update fills the gap.
      const key = keyOf(item.id.client, item.id.clock + k);
      if (keys.has(key)) continue;
      keys.add(key);
      const parsed = parse(value);
      if (!parsed.ok) return refuse('event_invalid', `Not a valid order event: ${parsed.error.message}`);
      const e = parsed.value;
      if (e.by.id !== actor.id || e.by.role !== actor.role)
        return refuse('author_mismatch', 'An event must be authored by the signed-in user.');
      if (!mayAppend(actor.role, e.type)) return refuse('event_not_allowed', `${actor.role} may not add "${e.type}" events.`);
      if (e.at > now + MAX_CLOCK_SKEW_MS) return refuse('clock_skew', 'The event is stamped in the future; check the device clock.');
      if (ids.has(e.id) || order.hasEvent(e.id)) return refuse('event_invalid', 'An event id is used twice.');
      const cash = e.type === 'cash_collected' ? cashProblem(order, e) : null;
      if (cash) return refuse('invalid_value', cash);
      if (e.type === 'delivery_code_failed') codeFailures += 1;
      const code = e.type === 'delivered' ? deliveredProblem(order, actor, e, codeFailures) : null;
      if (code) return refuse('delivery_code', code);
      ids.add(e.id);
    }
  }
  if (ids.size === 0) return ACCEPTED;
  if (order.size + ids.size > MAX_EVENTS_PER_ORDER) {
    return refuse('events_limit', `An order holds at most ${MAX_EVENTS_PER_ORDER} events; this one is full.`);
  }
  const entries = order.markAdded(items, parse);
  const placedAt = order.orderView()?.state.placedAt ?? null;
  for (const { event, seenAt } of entries.events) {
    if (placedAt !== null && event.at < placedAt) return refuse('backdated', 'The event is stamped before the order was placed.');
    if (event.at < seenAt)
      return refuse('backdated', 'The event is stamped before an event its device had already seen; check the device clock.');
  }
  if (order.preview(entries)?.reopens) return refuse('order_finished', 'The order is finished; it can no longer change.');
  const events = entries.events.map((e) => e.event);
  return appended(events, entries);
}
