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
  /** When outlet staff last acknowledged the new order (its ring); null if never. */
  acknowledgedAt: number | null;
  placed: boolean;
  pickedUp: boolean;
  /** Card payments: null for an order with no payment step (cash), else where the provider's payment is. */
  payment: 'pending' | 'paid' | 'failed' | null;
  /** Minor units the provider confirmed taken (card), and given back so far (card or cash). */
  paidAmount: number;
  refundedAmount: number;
}

export type Rule = (d: Draft, e: OrderEvent, o: Required<ReduceOptions>) => string | null;

/** What an action's rule may read: the order's status and driver, who acts and the order type; never the event's data. */
export interface ActionFacts {
  readonly status: OrderStatus;
  readonly driverId: UserId | null;
}
export type ActionRule = (d: ActionFacts, e: { readonly by: OrderEvent['by'] }, o: Required<ReduceOptions>) => string | null;

/** Event types people append by acting on an order; the rest are written by the server's own steps. */
export type ActionEventType = Exclude<EventType, 'placed' | 'assigned' | 'unassigned' | PaymentEventType>;

/** The server's payment steps: what the provider confirmed, and refunds an admin asked the server for. */
export const PAYMENT_EVENT_TYPES = ['payment_pending', 'paid', 'payment_failed', 'refunded'] as const;
export type PaymentEventType = (typeof PAYMENT_EVENT_TYPES)[number];

const from =
  (...allowed: OrderStatus[]): ActionRule =>
  (d) =>
    allowed.includes(d.status) ? null : `not allowed when the order is ${d.status}`;

const byAssignedDriver: ActionRule = (d, e) =>
  e.by.role === 'driver' && e.by.id !== d.driverId ? 'only the assigned driver can do this' : null;

const both =
  (...rules: ActionRule[]): ActionRule =>
  (d, e, o) => {
    for (const rule of rules) {
      const reason = rule(d, e, o);
      if (reason) return reason;
    }
    return null;
  };

// awaiting_payment: an abandoned or failed card payment ends the order (a system cancel), as an admin may.
const PRE_PICKUP: OrderStatus[] = ['awaiting_payment', 'placed', 'accepted', 'preparing', 'ready'];

/**
 * When each action is valid. They read no event data, so the same rules tell the fold whether an
 * event counts and a screen which actions to offer (see nextActions).
 */
export const ACTION_RULES: { readonly [T in ActionEventType]: ActionRule } = {
  accepted: from('placed'),
  rejected: from('placed'),
  preparing: from('accepted'),
  ready: from('accepted', 'preparing'),
  // A ready order is ready: a delay would only move a promise already kept.
  delayed: from('accepted', 'preparing'),
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
  note: () => null,
  // Only a new order rings; again is allowed, since two tablets may both be tapped at once.
  acknowledged: from('placed'),
  // With the delivery (in the same change, so it may sort either side of `delivered`) or after it.
  cash_collected: both(from('picked_up', 'delivered'), byAssignedDriver),
  delivery_code_failed: both(from('picked_up'), byAssignedDriver),
};

/** When each event type is valid, checked against the state folded so far. */
export const RULES: { readonly [T in EventType]: Rule } = {
  ...ACTION_RULES,
  placed: (d) => (d.placed ? 'the order was already placed' : null),
  assigned: (d) => (d.pickedUp || isTerminal(d.status) ? `not allowed when the order is ${d.status}` : null),
  // The checkout opens right after `placed`, once; `paid`/`payment_failed` only answer an open one.
  payment_pending: (d) => (d.status === 'placed' && d.payment === null ? null : 'a payment can only start on a new order'),
  paid: (d) => (d.status === 'awaiting_payment' ? null : `not allowed when the order is ${d.status}`),
  payment_failed: (d) => (d.status === 'awaiting_payment' ? null : `not allowed when the order is ${d.status}`),
  // How much may be given back is the server's check (it knows the order's total); the fold keeps the sum.
  refunded: (d) => (d.status === 'awaiting_payment' || d.payment === 'failed' ? 'nothing was paid' : null),
  unassigned: (d, e) => {
    if (d.pickedUp || isTerminal(d.status)) return `not allowed when the order is ${d.status}`;
    const { driverId } = e as EventOf<'unassigned'>;
    return d.driverId === driverId ? null : 'that driver is not assigned';
  },
};

export function apply(d: Draft, e: OrderEvent): void {
  switch (e.type) {
    case 'placed':
      d.placed = true;
      d.placedAt = e.at;
      return;
    case 'accepted':
      d.status = 'accepted';
      d.acceptedAt = e.at;
      d.prepMinutes = e.prepMinutes;
      return;
    case 'delayed':
      d.delayMinutes += e.minutes;
      return;
    case 'acknowledged':
      d.acknowledgedAt = e.at;
      return;
    case 'handed_over':
      d.status = 'delivered';
      return;
    case 'picked_up':
      d.status = 'picked_up';
      d.pickedUp = true;
      return;
    case 'assigned':
      d.driverId = e.driverId;
      return;
    case 'unassigned':
      d.driverId = null;
      return;
    case 'note':
    case 'cash_collected':
    case 'delivery_code_failed':
      return;
    case 'payment_pending':
      d.status = 'awaiting_payment';
      d.payment = 'pending';
      return;
    case 'paid':
      // Only now does the order reach the outlet: it is placed as far as the kitchen is concerned.
      d.status = 'placed';
      d.payment = 'paid';
      d.paidAmount += e.amount;
      return;
    case 'payment_failed':
      d.payment = 'failed';
      return;
    case 'refunded':
      d.refundedAmount += e.amount;
      return;
    case 'rejected':
    case 'preparing':
    case 'ready':
    case 'delivered':
    case 'failed':
    case 'cancelled':
      d.status = e.type;
      return;
  }
}
