import type { OrderId } from '../../../../shared/ids';
import { deliveryCodeMatches, deliveryCodeTriesLeft } from '../../../../shared/order/deliveryCode';
import { done, refuse, type CommandOutcome } from '../../../common/commands/commandOutcome';
import { heldOrder, runOrderAction, type OrderCommandContext } from '../../../common/commands/orderCommands';

export const TOO_MANY_TRIES = 'Too many wrong codes: take a photo at the door, call the customer, or mark it failed.';

const triesText = (left: number): string => (left === 1 ? '1 try left' : `${left} tries left`);

/**
 * Checks the code the customer read out against the order's hash, on this phone (no network needed).
 * A wrong code is recorded on the order (`delivery_code_failed`) before the refusal, so the count of
 * tries holds after a reload, on another device and on the server. Orders without a code: nothing to check.
 */
export function enterDeliveryCode(ctx: OrderCommandContext, orderId: OrderId, code: string): CommandOutcome {
  const order = heldOrder(ctx, orderId);
  if (typeof order === 'string') return refuse(order);
  const check = order.view.header.deliveryCode;
  if (!check) return done;
  const left = deliveryCodeTriesLeft(order.view.state);
  if (left === 0) return refuse(TOO_MANY_TRIES);
  if (deliveryCodeMatches(orderId, check, code)) return done;
  const recorded = runOrderAction(ctx, orderId, 'failCode', {});
  if (!recorded.ok) return recorded;
  return left - 1 === 0
    ? refuse(`That is not the customer’s code. ${TOO_MANY_TRIES}`)
    : refuse(`That is not the customer’s code: ${triesText(left - 1)}.`);
}
