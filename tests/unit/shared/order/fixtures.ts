import type { ItemId, OrderId, OutletId, UserId } from '../../../../shared/ids';
import { money } from '../../../../shared/money';
import { orderEventSchema, type EventData, type EventType, type OrderEvent } from '../../../../shared/order/events';
import type { OrderHeader } from '../../../../shared/order/header';
import type { OrderType } from '../../../../shared/order/status';
import { SYSTEM_ID, type Actor, type EventAuthorRole } from '../../../../shared/roles';

/** Who wrote an event, as it is stamped in `by`. */
export interface Author {
  readonly id: UserId;
  readonly role: EventAuthorRole;
}

export const OUTLET_ID = 'outlet-1' as OutletId;
export const OTHER_OUTLET_ID = 'outlet-2' as OutletId;

export const ADMIN_ACTOR: Actor = { id: 'admin-1' as UserId, role: 'admin' };
export const OUTLET_ACTOR: Actor = { id: 'cook-1' as UserId, role: 'outlet', outletId: OUTLET_ID };
export const DRIVER1_ACTOR: Actor = { id: 'driver-1' as UserId, role: 'driver' };
export const DRIVER2_ACTOR: Actor = { id: 'driver-2' as UserId, role: 'driver' };

const authorOf = (actor: Actor): Author => ({ id: actor.id, role: actor.role });
export const SYSTEM: Author = { id: SYSTEM_ID, role: 'system' };
export const ADMIN = authorOf(ADMIN_ACTOR);
export const OUTLET = authorOf(OUTLET_ACTOR);
export const DRIVER1 = authorOf(DRIVER1_ACTOR);
export const DRIVER2 = authorOf(DRIVER2_ACTOR);

/** A device clock reading in 2023, well inside the range events accept. */
export const T0 = 1_700_000_000_000;
export const MINUTE = 60_000;

let serial = 0;

/**
 * Builds an event and checks it against the real event schema, so every fixture is an event a
 * device could actually hold. `at` is an offset in ms from T0.
 */
export function event<T extends EventType>(
  type: T,
  at: number,
  by: Author,
  data: EventData<T>,
  id = `ev-${String(++serial).padStart(5, '0')}`,
): OrderEvent {
  return orderEventSchema.parse({ ...data, id, type, at: T0 + at, by });
}

export function header(type: OrderType = 'delivery'): OrderHeader {
  const line = { itemId: 'thali' as ItemId, name: 'Thali', qty: 1, unitPrice: money(25_000), modifiers: [], lineTotal: money(25_000) };
  const deliveryFee = money(type === 'delivery' ? 4_000 : 0);
  return {
    id: 'order-1' as OrderId,
    outletId: OUTLET_ID,
    outlet: { name: 'Dabba Kitchen', phone: '+91 00000 00000', address: '1 MG Road', lat: 12.97, lng: 77.59 },
    type,
    customer: { name: 'Asha', phone: '+91 11111 11111' },
    ...(type === 'delivery' ? { address: { text: '2 Brigade Road', lat: 12.96, lng: 77.6 } } : {}),
    items: [line],
    totals: { subtotal: line.lineTotal, deliveryFee, total: money(line.lineTotal + deliveryFee) },
    payment: { method: 'cash' },
    currency: 'INR',
    createdAt: T0,
  };
}

/** Data an event of each type carries (beyond id, type, at and by): one valid example per type. */
export const SAMPLE_EVENT_DATA: { readonly [T in EventType]: Record<string, unknown> } = {
  placed: {},
  accepted: { prepMinutes: 15 },
  rejected: { reason: 'closed' },
  preparing: {},
  ready: {},
  delayed: { minutes: 5 },
  handed_over: {},
  picked_up: {},
  delivered: { proof: 'door' },
  failed: { reason: 'no answer' },
  cancelled: { reason: 'changed mind' },
  assigned: { driverId: DRIVER1_ACTOR.id },
  unassigned: { driverId: DRIVER1_ACTOR.id, reason: 'off shift' },
  note: { text: 'hi' },
  acknowledged: {},
  cash_collected: { amount: 10_000 },
  delivery_code_failed: {},
  payment_pending: { provider: 'stripe', amount: 1000, currency: 'INR', checkoutRef: 'cs_1', expiresAt: T0 + 1_800_000 },
  paid: { provider: 'stripe', amount: 1000, currency: 'INR', paymentRef: 'pi_1' },
  payment_failed: { provider: 'stripe', reason: 'card declined' },
  refunded: { amount: 100, currency: 'INR', reason: 'cold food', method: 'card', refundedBy: DRIVER1_ACTOR.id },
};

export const ids = (events: readonly { readonly id: string }[]): string[] => events.map((e) => e.id);
