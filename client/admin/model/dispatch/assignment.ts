import type { OrderId, UserId } from '../../../../shared/ids';
import { isTerminal } from '../../../../shared/order/status';
import { refuse, type CommandOutcome } from '../../../common/commands/commandOutcome';
import { appendOrderEvent, heldOrder, type OrderCommandContext } from '../../../common/commands/orderCommands';
import type { HeldOrder } from '../orders/orderBook';

/** A delivery not yet collected may get a driver by hand, or another one (shared/ RULES.assigned). */
export const assignable = (order: HeldOrder): boolean =>
  order.header.type === 'delivery' && !isTerminal(order.state.status) && order.state.status !== 'picked_up';

/**
 * Gives the order to a driver by hand, or to another one: an `assigned` event by the admin. Dispatch
 * withdraws its offer when it sees it; the driver's inbox gets the order as soon as it syncs.
 */
export function assignDriver(ctx: OrderCommandContext, orderId: OrderId, driverId: UserId): CommandOutcome {
  const order = heldOrder(ctx, orderId);
  if (typeof order !== 'string') {
    if (order.view.header.type !== 'delivery') return refuse('Only deliveries have a driver.');
    if (order.view.state.driverId === driverId) return refuse('That driver already has this order.');
  }
  return appendOrderEvent(ctx, orderId, 'assigned', { driverId });
}

/** Takes the driver off the order, saying why: dispatch offers it again, never to that driver. */
export function unassignDriver(ctx: OrderCommandContext, orderId: OrderId, reason: string): CommandOutcome {
  const order = heldOrder(ctx, orderId);
  if (typeof order === 'string') return refuse(order);
  const driverId = order.view.state.driverId;
  if (driverId === null) return refuse('No driver is assigned to this order.');
  return appendOrderEvent(ctx, orderId, 'unassigned', { driverId, reason });
}
