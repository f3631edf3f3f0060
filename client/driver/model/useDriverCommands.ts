import { useMemo } from 'react';
import type { Counterparty } from '../../../shared/cash/ledgerEntries';
import type { OrderId } from '../../../shared/ids';
import { handOverCash } from './cash/handOverCash';
import type { CommandOutcome } from '../../common/commands/commandOutcome';
import { runOrderAction } from '../../common/commands/orderCommands';
import { useDevice } from '../../common/device/DeviceContext';
import { withHeldOrder } from '../../common/device/withHeldOrder';
import type { DeliveryInput } from './delivery/deliverOrder';
import { useDriverDevice } from './DriverContext';

/** What the driver app's buttons do; each resolves with done or a reason in the driver's words. */
export interface DriverCommands {
  readonly setShift: (onShift: boolean) => Promise<CommandOutcome>;
  readonly accept: (orderId: OrderId) => Promise<CommandOutcome>;
  readonly decline: (orderId: OrderId) => Promise<CommandOutcome>;
  readonly pickUp: (orderId: OrderId) => Promise<CommandOutcome>;
  readonly deliver: (orderId: OrderId, input: DeliveryInput) => Promise<CommandOutcome>;
  readonly fail: (orderId: OrderId, reason: string) => Promise<CommandOutcome>;
  readonly handOverCash: (party: Counterparty, amount: number, currency: string) => CommandOutcome;
}

export function useDriverCommands(): DriverCommands {
  const device = useDevice();
  const driver = useDriverDevice();
  return useMemo(
    () => ({
      setShift: (onShift) => driver.setShift(onShift),
      accept: (orderId) => driver.accept(orderId),
      decline: (orderId) => driver.decline(orderId),
      pickUp: withHeldOrder(device, (ctx, orderId) => runOrderAction(ctx, orderId, 'pickUp', {})),
      deliver: (orderId, input) => driver.deliver(orderId, input),
      fail: withHeldOrder(device, (ctx, orderId, reason: string) => runOrderAction(ctx, orderId, 'fail', { reason })),
      handOverCash: (party, amount, currency) => handOverCash(device.orderCommands(), party, amount, currency),
    }),
    [device, driver],
  );
}
