import type { OrderId, UserId } from '../../../../shared/ids';
import type { CommandOutcome } from '../../../common/commands/commandOutcome';
import { runOrderAction } from '../../../common/commands/orderCommands';
import type { Device } from '../../../common/device/device';
import { withHeldOrder } from '../../../common/device/withHeldOrder';
import { assignDriver, unassignDriver } from '../dispatch/assignment';

/** What an admin does to one order. Each checks the rule in shared/ and appends to the order's document, saved here first. */
export interface AdminOrderCommands {
  cancel(orderId: OrderId, reason: string): Promise<CommandOutcome>;
  addNote(orderId: OrderId, text: string): Promise<CommandOutcome>;
  /** Assign or reassign by hand. */
  assign(orderId: OrderId, driverId: UserId): Promise<CommandOutcome>;
  unassign(orderId: OrderId, reason: string): Promise<CommandOutcome>;
}

export function adminOrderCommands(device: Device): AdminOrderCommands {
  return {
    cancel: withHeldOrder(device, (ctx, orderId, reason: string) => runOrderAction(ctx, orderId, 'cancel', { reason })),
    addNote: withHeldOrder(device, (ctx, orderId, text: string) => runOrderAction(ctx, orderId, 'addNote', { text })),
    assign: withHeldOrder(device, assignDriver),
    unassign: withHeldOrder(device, unassignDriver),
  };
}
