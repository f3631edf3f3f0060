import { useMemo } from 'react';
import type { OrderId } from '../../../shared/ids';
import { refuse, type CommandOutcome } from '../commands/commandOutcome';
import { allowedOrderActions, type OfferedAction } from '../commands/orderActions';
import {
  acceptOrder, cancelOrder, delayOrder, handOverOrder, markPreparing, markReady, rejectOrder, type OrderCommandContext,
} from '../commands/orderCommands';
import { useDevice } from '../device/DeviceContext';

/** Commands resolve at once when the order's document is loaded, or after loading it first. */
export interface OrderCommands {
  readonly allowed: (orderId: OrderId) => ReadonlySet<OfferedAction>;
  readonly accept: (orderId: OrderId, prepMinutes: number) => Promise<CommandOutcome>;
  readonly reject: (orderId: OrderId, reason: string) => Promise<CommandOutcome>;
  readonly delay: (orderId: OrderId, minutes: number) => Promise<CommandOutcome>;
  readonly cancel: (orderId: OrderId, reason: string) => Promise<CommandOutcome>;
  readonly markPreparing: (orderId: OrderId) => Promise<CommandOutcome>;
  readonly markReady: (orderId: OrderId) => Promise<CommandOutcome>;
  readonly handOver: (orderId: OrderId) => Promise<CommandOutcome>;
}

const SIGNED_OUT = refuse('Sign in to change orders.');

/** Order commands bound to the signed-in user and the documents this device holds; one object per device. */
export function useOrderCommands(): OrderCommands {
  const device = useDevice();
  return useMemo(() => bindOrderCommands(device), [device]);
}

function bindOrderCommands(device: ReturnType<typeof useDevice>): OrderCommands {
  const withContext = <A extends unknown[]>(run: (ctx: OrderCommandContext, orderId: OrderId, ...args: A) => CommandOutcome) =>
    async (orderId: OrderId, ...args: A): Promise<CommandOutcome> => {
      // The board lists orders from the query table; the document may still be loading after a restart.
      await device.holdOrder(orderId);
      const ctx = device.orderCommands();
      return ctx ? run(ctx, orderId, ...args) : SIGNED_OUT;
    };
  return {
    allowed: (orderId) => {
      const ctx = device.orderCommands();
      return ctx ? allowedOrderActions(ctx, orderId) : new Set();
    },
    accept: withContext(acceptOrder),
    reject: withContext(rejectOrder),
    delay: withContext(delayOrder),
    cancel: withContext(cancelOrder),
    markPreparing: withContext(markPreparing),
    markReady: withContext(markReady),
    handOver: withContext(handOverOrder),
  };
}
