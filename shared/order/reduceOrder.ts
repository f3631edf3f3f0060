import type { EventId, UserId } from '../ids';
import { compareEvents, type EventOf, type EventType, type OrderEvent } from './events';
import { isTerminal, type OrderStatus, type OrderType } from './status';

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

export interface ReduceOptions {
  readonly orderType?: OrderType;
}

interface Draft {
  status: OrderStatus;
  driverId: UserId | null;
  placedAt: number | null;
  acceptedAt: number | null;
  prepMinutes: number | null;
  delayMinutes: number;
  placed: boolean;
  pickedUp: boolean;
}

type Rule = (d: Draft, e: OrderEvent, o: Required<ReduceOptions>) => string | null;

const from = (...allowed: OrderStatus[]) => (d: Draft): string | null =>
  allowed.includes(d.status) ? null : `not allowed when the order is ${d.status}`;

const byAssignedDriver = (d: Draft, e: OrderEvent): string | null =>
  e.by.role === 'driver' && e.by.id !== d.driverId ? 'only the assigned driver can do this' : null;

const both = (...rules: Rule[]): Rule => (d, e, o) => {
  for (const rule of rules) {
    const reason = rule(d, e, o);
    if (reason) return reason;
  }
  return null;
};

const PRE_PICKUP: OrderStatus[] = ['placed', 'accepted', 'preparing', 'ready'];

/** When each event type is valid, checked against the state folded so far. */
const RULES: { readonly [T in EventType]: Rule } = {
  placed: (d) => (d.placed ? 'the order was already placed' : null),
  accepted: from('placed'),
  rejected: from('placed'),
  preparing: from('accepted'),
  ready: from('accepted', 'preparing'),
  delayed: from('accepted', 'preparing', 'ready'),
  handed_over: both(from('ready'), (_d, _e, o) => (o.orderType === 'delivery' ? 'delivery orders are picked up by a driver' : null)),
  picked_up: both(
    from('accepted', 'preparing', 'ready'),
    (_d, _e, o) => (o.orderType === 'delivery' ? null : `${o.orderType} orders are handed over, not picked up`),
    (d) => (d.driverId ? null : 'no driver is assigned'),
    byAssignedDriver,
  ),
  delivered: both(from('picked_up'), byAssignedDriver),
  failed: both(from('picked_up'), byAssignedDriver),
  cancelled: (d, e) =>
    PRE_PICKUP.includes(d.status) || (d.status === 'picked_up' && e.by.role !== 'outlet')
      ? null
      : `not allowed when the order is ${d.status}`,
  assigned: (d) => (d.pickedUp || isTerminal(d.status) ? `not allowed when the order is ${d.status}` : null),
  unassigned: (d, e) => {
    if (d.pickedUp || isTerminal(d.status)) return `not allowed when the order is ${d.status}`;
    const { driverId } = e as EventOf<'unassigned'>;
    return d.driverId === driverId ? null : 'that driver is not assigned';
  },
  note: () => null,
};

function apply(d: Draft, e: OrderEvent): void {
  switch (e.type) {
    case 'placed': d.placed = true; d.placedAt = e.at; return;
    case 'accepted': d.status = 'accepted'; d.acceptedAt = e.at; d.prepMinutes = e.prepMinutes; return;
    case 'delayed': d.delayMinutes += e.minutes; return;
    case 'handed_over': d.status = 'delivered'; return;
    case 'picked_up': d.status = 'picked_up'; d.pickedUp = true; return;
    case 'assigned': d.driverId = e.driverId; return;
    case 'unassigned': d.driverId = null; return;
    case 'note': return;
    case 'rejected': case 'preparing': case 'ready': case 'delivered': case 'failed': case 'cancelled':
      d.status = e.type;
      return;
  }
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
