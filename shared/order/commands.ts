import { newEventId } from '../ids';
import { mayAppend } from '../permissions';
import type { Actor } from '../roles';
import type { EventData, EventOf, EventType, OrderEvent } from './events';
import type { OrderHeader } from './header';
import { checkTransition, type OrderState } from './reduceOrder';

export type CommandResult<T extends EventType> =
  | { readonly ok: true; readonly event: EventOf<T> }
  | { readonly ok: false; readonly reason: string };

/**
 * Proposes an event on behalf of `actor` and checks it against the permission table and the
 * order's current state. Its time is never earlier than the newest event the device has seen,
 * so a device whose clock runs behind still records actions after the ones they follow.
 */
export function proposeEvent<T extends EventType>(
  actor: Actor,
  order: { readonly header: OrderHeader; readonly state: OrderState },
  type: T,
  data: EventData<T>,
  now: number = Date.now(),
): CommandResult<T> {
  if (!mayAppend(actor.role, type)) return { ok: false, reason: `${actor.role} cannot ${type.replace('_', ' ')} an order` };
  // Conflicts are events the device has seen too: stamping before one could make it valid again.
  const seen = [...order.state.applied, ...order.state.conflicts.map((c) => c.event)];
  const newest = seen.reduce((max, e) => Math.max(max, e.at), 0);
  const event = { ...data, id: newEventId(), type, at: Math.max(now, newest + 1), by: { id: actor.id, role: actor.role } };
  const reason = checkTransition(order.state, event as OrderEvent, { orderType: order.header.type });
  return reason ? { ok: false, reason } : { ok: true, event: event as unknown as EventOf<T> };
}
