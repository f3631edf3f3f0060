import { useMemo } from 'react';
import type { OrderId } from '../../../../shared/ids';
import type { CommandOutcome } from '../../../common/commands/commandOutcome';
import { allowedOrderActions, type OfferedAction } from './orderActions';
import {
  acceptOrder, cancelOrder, delayOrder, handOverOrder, markPreparing, markReady, rejectOrder,
} from '../../../common/commands/orderCommands';
import { useDevice } from '../../../common/device/DeviceContext';
import { withHeldOrder } from '../../../common/device/withHeldOrder';

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

/** Order commands bound to the signed-in user and the documents this device holds; one object per device. */
export function useOrderCommands(): OrderCommands {
  const device = useDevice();
  return useMemo(() => bindOrderCommands(device), [device]);
}

function bindOrderCommands(device: ReturnType<typeof useDevice>): OrderCommands {
  return {
    allowed: (orderId) => {
      const ctx = device.orderCommands();
      return ctx ? allowedOrderActions(ctx, orderId) : new Set();
    },
    accept: withHeldOrder(device, acceptOrder),
    reject: withHeldOrder(device, rejectOrder),
    delay: withHeldOrder(device, delayOrder),
    cancel: withHeldOrder(device, cancelOrder),
    markPreparing: withHeldOrder(device, markPreparing),
    markReady: withHeldOrder(device, markReady),
    handOver: withHeldOrder(device, handOverOrder),
  };
}
