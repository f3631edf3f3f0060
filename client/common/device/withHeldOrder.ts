import type { OrderId } from '../../../shared/ids';
import { refuse, type CommandOutcome } from '../commands/commandOutcome';
import type { OrderCommandContext } from '../commands/orderCommands';
import type { Device } from './device';

const SIGNED_OUT = refuse('Sign in to change orders.');

/**
 * Binds an order command to the device: it runs once the order's document is loaded (lists show
 * orders from the query table or an inbox, and the document may still be loading after a restart),
 * as the signed-in user.
 */
export function withHeldOrder<A extends unknown[]>(
  device: Device,
  run: (ctx: OrderCommandContext, orderId: OrderId, ...args: A) => CommandOutcome,
) {
  return async (orderId: OrderId, ...args: A): Promise<CommandOutcome> => {
    await device.holdOrder(orderId);
    const ctx = device.orderCommands();
    return ctx ? run(ctx, orderId, ...args) : SIGNED_OUT;
  };
}
