import type { OrderId } from '../../../shared/ids';
import { refuse, type CommandOutcome } from '../commands/commandOutcome';
import { allowedOrderActions, type OfferedAction } from '../commands/orderActions';
import { acceptOrder, handOverOrder, markPreparing, markReady, type OrderCommandContext } from '../commands/orderCommands';
import { useDevice } from '../device/DeviceContext';

export interface OrderCommands {
  readonly allowed: (orderId: OrderId) => ReadonlySet<OfferedAction>;
  readonly accept: (orderId: OrderId, prepMinutes: number) => CommandOutcome;
  readonly markPreparing: (orderId: OrderId) => CommandOutcome;
  readonly markReady: (orderId: OrderId) => CommandOutcome;
  readonly handOver: (orderId: OrderId) => CommandOutcome;
}

const SIGNED_OUT = refuse('Sign in to change orders.');

/** Order commands bound to the signed-in user and the documents this device holds. */
export function useOrderCommands(): OrderCommands {
  const device = useDevice();
  const withContext = <A extends unknown[]>(run: (ctx: OrderCommandContext, ...args: A) => CommandOutcome) =>
    (...args: A): CommandOutcome => {
      const ctx = device.orderCommands();
      return ctx ? run(ctx, ...args) : SIGNED_OUT;
    };
  return {
    allowed: (orderId) => {
      const ctx = device.orderCommands();
      return ctx ? allowedOrderActions(ctx, orderId) : new Set();
    },
    accept: withContext(acceptOrder),
    markPreparing: withContext(markPreparing),
    markReady: withContext(markReady),
    handOver: withContext(handOverOrder),
  };
}
