import { useMemo } from 'react';
import type { OrderId } from '../../../../shared/ids';
import type { ActionData, OrderAction } from '../../../../shared/order/orderActions';
import type { CommandOutcome } from '../../../common/commands/commandOutcome';
import { runOrderAction } from '../../../common/commands/orderCommands';
import { useDevice } from '../../../common/device/DeviceContext';
import { withHeldOrder } from '../../../common/device/withHeldOrder';

/** Resolves at once when the order's document is loaded, or after loading it first. */
export type RunOrderAction = <A extends OrderAction>(orderId: OrderId, action: A, data: ActionData<A>) => Promise<CommandOutcome>;

/** Order actions bound to the signed-in user and the documents this device holds; one function per device. */
export function useOrderCommands(): RunOrderAction {
  const device = useDevice();
  return useMemo<RunOrderAction>(
    () => (orderId, action, data) => withHeldOrder(device, (ctx, id: OrderId) => runOrderAction(ctx, id, action, data))(orderId),
    [device],
  );
}
