import type { EventId } from '../ids';
import type { OrderEvent } from './events';
import { foldAll } from './orderFold';
import type { OrderState } from './orderState';
import type { ReduceOptions } from './transitions';

export type { ReduceOptions } from './transitions';

export type { Conflict, OrderState } from './orderState';

/** Options of `reduceOrder`: the order type, and what each event's author had seen (from `readCausalEvents`). */
export interface FoldOptions extends ReduceOptions {
  readonly seenAt?: ReadonlyMap<EventId, number>;
}

/**
 * The order's status as a deterministic fold over its events, sorted by (at, id) and de-duplicated by id.
 * Every device holding the same set of events derives the same state, whatever order they arrived in.
 * Causal: an event stamped before `placed`, or before an event its author had seen, has no effect.
 */
export function reduceOrder(events: readonly OrderEvent[], options: FoldOptions = {}): OrderState {
  const seenAt = options.seenAt;
  const causal = events.map((event) => ({ event, seenAt: seenAt?.get(event.id) ?? Number.NEGATIVE_INFINITY }));
  return foldAll(causal, { orderType: options.orderType ?? 'delivery' });
}

/** Would `event` be valid if appended now (at the end of the fold)? Used by commands before writing. */
export function checkTransition(state: OrderState, event: OrderEvent, options: ReduceOptions = {}): string | null {
  const next = reduceOrder([...state.applied, event], options);
  const conflict = next.conflicts.find((c) => c.event.id === event.id);
  return conflict ? conflict.reason : null;
}
