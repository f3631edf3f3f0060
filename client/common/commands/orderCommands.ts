import type * as Y from 'yjs';
import { orderDocName } from '../../../shared/docNames';
import type { OrderId } from '../../../shared/ids';
import { proposeEvent } from '../../../shared/order/commands';
import { ORDER_ACTIONS, type ActionData, type OrderAction } from '../../../shared/order/orderActions';
import type { EventData, EventDevice, EventType } from '../../../shared/order/events';
import { appendEvent, readOrder, type OrderView } from '../../../shared/order/orderDoc';
import type { Actor } from '../../../shared/roles';
import { done, refuse, type CommandOutcome } from './commandOutcome';

/** What order commands need: who acts, and the documents the device holds. */
export interface OrderCommandContext {
  readonly actor: Actor;
  readonly docs: { get(docName: string): Y.Doc | undefined };
  /** This device as its events name it (see EventDevice); absent where no device is known. */
  readonly device?: EventDevice;
}

export function heldOrder(ctx: OrderCommandContext, orderId: OrderId): { doc: Y.Doc; view: OrderView } | string {
  const doc = ctx.docs.get(orderDocName(orderId));
  if (!doc) return 'This order is not on this device yet.';
  const view = readOrder(doc);
  if (!view) return 'The details of this order have not arrived on this device yet.';
  return { doc, view };
}

/**
 * Appends an event of `type` as the signed-in user, once shared/ allows it: the permission table,
 * the event's schema and the order's state (proposeEvent). The document's persistence then saves it on
 * the device before it is sent.
 */
export function appendOrderEvent<T extends EventType>(
  ctx: OrderCommandContext,
  orderId: OrderId,
  type: T,
  data: EventData<T>,
): CommandOutcome {
  const order = heldOrder(ctx, orderId);
  if (typeof order === 'string') return refuse(order);
  const proposal = proposeEvent(ctx.actor, order.view, type, data, Date.now(), ctx.device);
  if (!proposal.ok) return proposal;
  appendEvent(order.doc, proposal.value);
  return done;
}

/** Takes an action from the actions table (shared/order/orderActions.ts): appends its event when the rules allow. */
export function runOrderAction<A extends OrderAction>(
  ctx: OrderCommandContext,
  orderId: OrderId,
  action: A,
  data: ActionData<A>,
): CommandOutcome {
  return appendOrderEvent(ctx, orderId, ORDER_ACTIONS[action].event, data);
}
