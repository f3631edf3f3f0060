import type { UserId } from '../ids';
import type { EventOf, EventType, OrderEvent } from './events';
import { isTerminal, type OrderStatus, type OrderType } from './status';

export interface ReduceOptions {
  readonly orderType?: OrderType;
}

export interface Draft {
  status: OrderStatus;
  driverId: UserId | null;
  placedAt: number | null;
  acceptedAt: number | null;
  prepMinutes: number | null;
  delayMinutes: number;
  placed: boolean;
  pickedUp: boolean;
}

export type Rule = (d: Draft, e: OrderEvent, o: Required<ReduceOptions>) => string | null;

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
export const RULES: { readonly [T in EventType]: Rule } = {
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

export function apply(d: Draft, e: OrderEvent): void {
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

