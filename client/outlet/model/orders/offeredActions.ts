import type { ItemId, OrderId, OutletId, UserId } from '../../../../shared/ids';
import { money } from '../../../../shared/money';
import { parseOrderEvent, type OrderEvent } from '../../../../shared/order/events';
import type { OrderHeader } from '../../../../shared/order/header';
import { reduceOrder } from '../../../../shared/order/reduceOrder';
import type { OrderStatus, OrderType } from '../../../../shared/order/status';
import { SYSTEM_ID, type Actor } from '../../../../shared/roles';
import { allowedActions, type OfferedAction } from './orderActions';

/**
 * Which buttons an order's card offers, from its status and type alone. The board shows thousands
 * of rows without loading each order's document, so it asks the real rules (shared/) about a
 * stand-in order that reached the same status; the command checks the real order when pressed.
 */

const AT0 = 1_700_000_000_000;
const DRIVER = 'stand-in-driver' as UserId;
const SYSTEM = { id: SYSTEM_ID, role: 'system' } as const;
const OUTLET = { id: 'stand-in-outlet' as UserId, role: 'outlet' } as const;

type Step = OrderEvent extends infer E ? (E extends OrderEvent ? Omit<E, 'id' | 'at'> : never) : never;

/** A history that reaches each status, for each kind of order that can reach it. */
function stepsTo(status: OrderStatus, type: OrderType): Step[] | null {
  const placed: Step[] = [{ type: 'placed', by: SYSTEM }];
  const accepted: Step[] = [...placed, { type: 'accepted', prepMinutes: 15, by: OUTLET }];
  const preparing: Step[] = [...accepted, { type: 'preparing', by: OUTLET }];
  const ready: Step[] = [...preparing, { type: 'ready', by: OUTLET }];
  const pickedUp: Step[] = [...ready, { type: 'assigned', driverId: DRIVER, by: SYSTEM }, { type: 'picked_up', by: { id: DRIVER, role: 'driver' } }];
  const driver = { id: DRIVER, role: 'driver' } as const;
  switch (status) {
    case 'placed': return placed;
    case 'accepted': return accepted;
    case 'preparing': return preparing;
    case 'ready': return ready;
    case 'picked_up': return type === 'delivery' ? pickedUp : null;
    case 'delivered': return type === 'delivery' ? [...pickedUp, { type: 'delivered', by: driver }] : [...ready, { type: 'handed_over', by: OUTLET }];
    case 'failed': return type === 'delivery' ? [...pickedUp, { type: 'failed', reason: 'stand-in', by: driver }] : null;
    case 'rejected': return [...placed, { type: 'rejected', reason: 'stand-in', by: OUTLET }];
    case 'cancelled': return [...placed, { type: 'cancelled', reason: 'stand-in', by: OUTLET }];
  }
}

function standInHeader(type: OrderType): OrderHeader {
  const price = money(10_000);
  return {
    id: 'stand-in' as OrderId,
    outletId: 'stand-in' as OutletId,
    outlet: { name: '', phone: '', address: '', lat: 0, lng: 0 },
    type,
    customer: { name: '', phone: '' },
    items: [{ itemId: 'stand-in' as ItemId, name: '', qty: 1, unitPrice: price, modifiers: [], lineTotal: price }],
    totals: { subtotal: price, deliveryFee: money(0), total: price },
    payment: { method: 'cash' },
    currency: 'INR',
    createdAt: AT0,
  };
}

const NONE: ReadonlySet<OfferedAction> = new Set();
const cache = new Map<string, ReadonlySet<OfferedAction>>();

/** The actions `actor`'s role may take on an order of this type in this status (drivers: as the assigned one). */
export function offeredActions(actor: Actor, status: OrderStatus, type: OrderType): ReadonlySet<OfferedAction> {
  const key = `${actor.role}|${status}|${type}`;
  const known = cache.get(key);
  if (known) return known;
  const steps = stepsTo(status, type);
  let offered = NONE;
  if (steps) {
    const events = steps.flatMap((step, i) => {
      const parsed = parseOrderEvent({ ...step, id: `stand-in-${i}`, at: AT0 + i });
      return parsed.ok ? [parsed.value] : [];
    });
    const stand = actor.role === 'driver' ? { ...actor, id: DRIVER } : actor;
    offered = allowedActions(stand, { header: standInHeader(type), state: reduceOrder(events, { orderType: type }) }, AT0 + steps.length);
  }
  cache.set(key, offered);
  return offered;
}
