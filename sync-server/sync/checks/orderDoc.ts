import type * as Y from 'yjs';
import { parseOrderEvent, type OrderEvent } from '../../../shared/order/events';
import { mayAppend } from '../../../shared/permissions';
import { MAX_CLOCK_SKEW_MS } from '../../../shared/protocol/limits';
import type { Actor } from '../../../shared/roles';
import { ACCEPTED, refuse, type CheckResult } from './result';

/**
 * Entries a device appended to an order's events: each must be a valid event, by the signed-in
 * user, of a type their role may add, not stamped in the future, with an id not used before.
 */
export function checkAppendedEvents(events: Y.Array<unknown>, added: readonly unknown[], actor: Actor, now: number): CheckResult {
  const fresh: OrderEvent[] = [];
  for (const value of added) {
    const parsed = parseOrderEvent(value);
    if (!parsed.ok) return refuse('event_invalid', `Not a valid order event: ${parsed.message}`);
    const e = parsed.event;
    if (e.by.id !== actor.id || e.by.role !== actor.role) return refuse('author_mismatch', 'An event must be authored by the signed-in user.');
    if (!mayAppend(actor.role, e.type)) return refuse('event_not_allowed', `${actor.role} may not add "${e.type}" events.`);
    if (e.at > now + MAX_CLOCK_SKEW_MS) return refuse('clock_skew', 'The event is stamped in the future; check the device clock.');
    fresh.push(e);
  }
  if (fresh.length > 0) {
    const ids = new Set(fresh.map((e) => e.id));
    let seen = 0;
    for (const value of events.toArray()) {
      const id = (value as { id?: unknown } | null)?.id;
      if (typeof id === 'string' && ids.has(id as OrderEvent['id'])) seen += 1;
    }
    if (seen !== ids.size || ids.size !== fresh.length) return refuse('event_invalid', 'An event id is used twice.');
  }
  return ACCEPTED;
}
