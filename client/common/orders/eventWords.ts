import type { UserId } from '../../../shared/ids';
import { formatMoney } from '../../../shared/money';
import type { OrderEvent } from '../../../shared/order/events';
import type { EventAuthorRole } from '../../../shared/roles';

/** A person's name where the device knows the account; null where it does not. */
export type NameOf = (userId: UserId) => string | null;

const ROLE_WORDS: { readonly [R in EventAuthorRole]: string } = {
  admin: 'Admin',
  outlet: 'Outlet staff',
  driver: 'Driver',
  system: 'Dabba (automatic)',
  customer: 'Customer',
};

/** Who did it, e.g. "Driver Ravi Kumar", "Outlet staff Asha", "Outlet staff" (name unknown), "You". */
export function whoText(by: OrderEvent['by'], self: UserId | null, nameOf: NameOf): string {
  if (by.id === self) return 'You';
  const name = by.role === 'system' ? null : nameOf(by.id);
  return name ? `${ROLE_WORDS[by.role]} ${name}` : ROLE_WORDS[by.role];
}

const driverWords = (driverId: UserId, nameOf: NameOf): string => nameOf(driverId) ?? `driver ${driverId.slice(0, 6)}`;

/** What happened, in words, e.g. "Accepted, ready in 15 min", "Cancelled: Customer asked to cancel". */
export function eventText(event: OrderEvent, nameOf: NameOf): string {
  switch (event.type) {
    case 'placed':
      return 'Placed';
    case 'accepted':
      return `Accepted, ready in ${event.prepMinutes} min`;
    case 'rejected':
      return `Rejected: ${event.reason}`;
    case 'preparing':
      return 'Preparing';
    case 'ready':
      return 'Ready';
    case 'delayed':
      return `Delayed ${event.minutes} min`;
    case 'handed_over':
      return 'Handed over';
    case 'picked_up':
      return 'Picked up';
    case 'delivered':
      return event.proof ? 'Delivered, with proof' : 'Delivered';
    case 'failed':
      return `Delivery failed: ${event.reason}`;
    case 'cancelled':
      return `Cancelled: ${event.reason}`;
    case 'assigned':
      return `Assigned to ${driverWords(event.driverId, nameOf)}`;
    case 'unassigned':
      return `Taken off ${driverWords(event.driverId, nameOf)}: ${event.reason}`;
    case 'note':
      return `Note: ${event.text}`;
    case 'acknowledged':
      return 'New-order alert acknowledged';
    case 'delivery_code_failed':
      return 'Wrong delivery code entered';
    case 'cash_collected':
      return `Cash collected ${formatMoney(event.amount, event.currency)}`;
    case 'payment_pending':
      return `Awaiting ${formatMoney(event.amount, event.currency)} by card (${event.provider})`;
    case 'paid':
      return `Paid ${formatMoney(event.amount, event.currency)} by card (${event.provider})`;
    case 'payment_failed':
      return `Payment failed: ${event.reason}`;
    case 'refunded':
      return `Refunded ${formatMoney(event.amount, event.currency)} (${event.method}) by ${nameOf(event.refundedBy) ?? 'an admin'}: ${event.reason}`;
  }
}

/** The device an event came from, when it said: "outlet app on device kitche…, offline". */
export function deviceText(event: OrderEvent): string | null {
  if (!event.device) return null;
  return `${event.device.app} app on device ${event.device.id.slice(0, 8)}${event.device.offline ? ', while offline' : ''}`;
}
