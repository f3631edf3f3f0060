import { newEventId } from '../ids';
import { mayAppend } from '../permissions';
import type { Actor } from '../roles';
import { parseOrderEvent, type EventData, type EventDevice, type EventOf, type EventType } from './events';
import type { OrderHeader } from './header';
import { checkTransition, type OrderState } from './reduceOrder';
import { fail, ok, type Result } from '../result';

/** The role may never append this type; the data is not a valid event; the order's state does not allow it now. */
export type CommandRefusal = 'not_permitted' | 'invalid_event' | 'invalid_transition';

export type CommandResult<T extends EventType> = Result<EventOf<T>, CommandRefusal>;

/**
 * Proposes an event on behalf of `actor` and checks it against the permission table and the
 * order's current state. Its time is never earlier than the newest event the device has seen,
 * so a device whose clock runs behind still records actions after the ones they follow. `device`
 * is the writing device's stamp, when it has one.
 */
export function proposeEvent<T extends EventType>(
  actor: Actor,
  order: { readonly header: OrderHeader; readonly state: OrderState },
  type: T,
  data: EventData<T>,
  now: number = Date.now(),
  device?: EventDevice,
): CommandResult<T> {
  if (!mayAppend(actor.role, type)) return fail('not_permitted', `${actor.role} cannot ${type.replace('_', ' ')} an order`);
  // Conflicts are events the device has seen too: stamping before one could make it valid again.
  const seen = [...order.state.applied, ...order.state.conflicts.map((c) => c.event)];
  const newest = seen.reduce((max, e) => Math.max(max, e.at), 0);
  // Validated like the server will: a bad prep time or an empty reason is refused here, not after syncing.
  const parsed = parseOrderEvent({
    ...data,
    id: newEventId(),
    type,
    at: Math.max(now, newest + 1),
    by: { id: actor.id, role: actor.role },
    ...(device ? { device } : {}),
  });
  if (!parsed.ok) return parsed;
  const reason = checkTransition(order.state, parsed.value, { orderType: order.header.type });
  return reason ? fail('invalid_transition', reason) : ok(parsed.value as EventOf<T>);
}
