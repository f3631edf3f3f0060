import type * as Y from 'yjs';
import { orderDocName } from '../../../shared/docNames';
import type { OrderId } from '../../../shared/ids';
import { proposeEvent } from '../../../shared/order/commands';
import { parseOrderEvent, type EventData, type EventType } from '../../../shared/order/events';
import { appendEvent, readOrder, type OrderView } from '../../../shared/order/orderDoc';
import type { Actor } from '../../../shared/roles';
import { done, refuse, type CommandOutcome } from './commandOutcome';

/** What order commands need: who acts, and the documents the device holds. */
export interface OrderCommandContext {
  readonly actor: Actor;
  readonly docs: { get(docName: string): Y.Doc | undefined };
}

export function heldOrder(ctx: OrderCommandContext, orderId: OrderId): { doc: Y.Doc; view: OrderView } | string {
  const doc = ctx.docs.get(orderDocName(orderId));
  if (!doc) return 'This order is not on this device yet.';
  const view = readOrder(doc);
  if (!view) return 'The details of this order have not arrived on this device yet.';
  return { doc, view };
}

/**
 * Checks the event against the rules in shared/ and appends it to the order's document; the
 * document's persistence then saves it on the device before it is sent.
 */
export function runOrderCommand<T extends EventType>(ctx: OrderCommandContext, orderId: OrderId, type: T, data: EventData<T>): CommandOutcome {
  const order = heldOrder(ctx, orderId);
  if (typeof order === 'string') return refuse(order);
  const proposal = proposeEvent(ctx.actor, order.view, type, data);
  if (!proposal.ok) return refuse(proposal.error.message);
  // The rules check the transition, not the values; an out-of-range value would be stored as a malformed event.
  const valid = parseOrderEvent(proposal.value);
  if (!valid.ok) return refuse(valid.error.message);
  appendEvent(order.doc, valid.value);
  return done;
}

export const acceptOrder = (ctx: OrderCommandContext, orderId: OrderId, prepMinutes: number): CommandOutcome =>
  runOrderCommand(ctx, orderId, 'accepted', { prepMinutes });

export const rejectOrder = (ctx: OrderCommandContext, orderId: OrderId, reason: string): CommandOutcome =>
  runOrderCommand(ctx, orderId, 'rejected', { reason });

export const markPreparing = (ctx: OrderCommandContext, orderId: OrderId): CommandOutcome =>
  runOrderCommand(ctx, orderId, 'preparing', {});

export const markReady = (ctx: OrderCommandContext, orderId: OrderId): CommandOutcome =>
  runOrderCommand(ctx, orderId, 'ready', {});

export const delayOrder = (ctx: OrderCommandContext, orderId: OrderId, minutes: number): CommandOutcome =>
  runOrderCommand(ctx, orderId, 'delayed', { minutes });

export const handOverOrder = (ctx: OrderCommandContext, orderId: OrderId): CommandOutcome =>
  runOrderCommand(ctx, orderId, 'handed_over', {});

export const cancelOrder = (ctx: OrderCommandContext, orderId: OrderId, reason: string): CommandOutcome =>
  runOrderCommand(ctx, orderId, 'cancelled', { reason });

export const addOrderNote = (ctx: OrderCommandContext, orderId: OrderId, text: string): CommandOutcome =>
  runOrderCommand(ctx, orderId, 'note', { text });
