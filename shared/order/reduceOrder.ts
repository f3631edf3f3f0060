import type { EventId, UserId } from '../ids';
import { compareEvents, type OrderEvent } from './events';
import type { OrderStatus } from './status';
import { apply, RULES, type Draft, type ReduceOptions } from './transitions';

export type { ReduceOptions } from './transitions';

export interface Conflict {
  readonly event: OrderEvent;
  readonly reason: string;
}

export interface OrderState {
  readonly status: OrderStatus;
  /** Assignment is its own dimension: a driver can be (re)assigned while the kitchen works. */
  readonly driverId: UserId | null;
  readonly placedAt: number | null;
  readonly acceptedAt: number | null;
  readonly prepMinutes: number | null;
  readonly delayMinutes: number;
  /** acceptedAt + prepMinutes + delays: when the order should be ready. */
  readonly readyBy: number | null;
  /** Valid events in fold order; the timeline shown to people. */
  readonly applied: readonly OrderEvent[];
  /** Events that were kept but had no effect in the merged order, with why. */
  readonly conflicts: readonly Conflict[];
}

/**
 * The order's status as a deterministic fold over its events, sorted by (at, id) and de-duplicated by id.
 * Every device holding the same set of events derives the same state, whatever order they arrived in.
 */
export function reduceOrder(events: readonly OrderEvent[], options: ReduceOptions = {}): OrderState {
  const opts: Required<ReduceOptions> = { orderType: options.orderType ?? 'delivery' };
  const sorted = [...events].sort(compareEvents);
  const seen = new Set<EventId>();
  const draft: Draft = {
    status: 'placed', driverId: null, placedAt: null, acceptedAt: null, prepMinutes: null,
    delayMinutes: 0, placed: false, pickedUp: false,
  };
  const applied: OrderEvent[] = [];
  const conflicts: Conflict[] = [];
  for (const event of sorted) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    const reason = RULES[event.type](draft, event, opts);
    if (reason) {
      conflicts.push({ event, reason });
      continue;
    }
    apply(draft, event);
    applied.push(event);
  }
  const readyBy = draft.acceptedAt !== null && draft.prepMinutes !== null
    ? draft.acceptedAt + (draft.prepMinutes + draft.delayMinutes) * 60_000
    : null;
  return {
    status: draft.status, driverId: draft.driverId, placedAt: draft.placedAt, acceptedAt: draft.acceptedAt,
    prepMinutes: draft.prepMinutes, delayMinutes: draft.delayMinutes, readyBy, applied, conflicts,
  };
}

/** Would `event` be valid if appended now (at the end of the fold)? Used by commands before writing. */
export function checkTransition(state: OrderState, event: OrderEvent, options: ReduceOptions = {}): string | null {
  const next = reduceOrder([...state.applied, event], options);
  const conflict = next.conflicts.find((c) => c.event.id === event.id);
  return conflict ? conflict.reason : null;
}
