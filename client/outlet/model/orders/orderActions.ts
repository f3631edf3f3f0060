import type { OrderId } from '../../../../shared/ids';
import { proposeEvent } from '../../../../shared/order/commands';
import type { EventData, EventType } from '../../../../shared/order/events';
import type { OrderView } from '../../../../shared/order/orderDoc';
import type { Actor } from '../../../../shared/roles';
import { heldOrder, type OrderCommandContext } from '../../../common/commands/orderCommands';

/** The actions a screen may offer, each with stand-in data good enough to ask the rules. */
const SAMPLE_DATA: { readonly [T in OfferedAction]: EventData<T> } = {
  accepted: { prepMinutes: 15 },
  rejected: { reason: 'sample' },
  preparing: {},
  ready: {},
  delayed: { minutes: 5 },
  handed_over: {},
  cancelled: { reason: 'sample' },
};
export type OfferedAction = Extract<EventType, 'accepted' | 'rejected' | 'preparing' | 'ready' | 'delayed' | 'handed_over' | 'cancelled'>;
const OFFERED = Object.keys(SAMPLE_DATA) as OfferedAction[];

function allowed<T extends OfferedAction>(actor: Actor, view: OrderView, type: T, now: number): boolean {
  return proposeEvent(actor, view, type, SAMPLE_DATA[type], now).ok;
}

/** Which actions the rules allow this actor on this order right now: what buttons to show. */
export function allowedActions(actor: Actor, view: OrderView, now: number = Date.now()): ReadonlySet<OfferedAction> {
  return new Set(OFFERED.filter((type) => allowed(actor, view, type, now)));
}

/** The same for an order the device holds; nothing while its document has not loaded. */
export function allowedOrderActions(ctx: OrderCommandContext, orderId: OrderId): ReadonlySet<OfferedAction> {
  const order = heldOrder(ctx, orderId);
  return typeof order === 'string' ? new Set() : allowedActions(ctx.actor, order.view);
}
