import type * as Y from 'yjs';
import type { OrderId } from '../../../shared/ids';
import { formatMoney } from '../../../shared/money';
import { cashDue } from '../../../shared/dispatch/offer';
import { proposeEvent } from '../../../shared/order/commands';
import { done, refuse, type CommandOutcome } from '../../common/commands/commandOutcome';
import { heldOrder, runOrderAction, type OrderCommandContext } from '../../common/commands/orderCommands';

/** How a driver shows the order reached the customer. At least one is needed. */
export interface DeliveryProof {
  /** SHA-256 (hex) of the doorstep photo. */
  readonly photo: string | null;
  /** SHA-256 (hex) of the customer's signature, drawn on the phone. */
  readonly signature: string | null;
  /** A code the customer read out, when the customer had one. */
  readonly code: string | null;
}

/** The notes that go with a delivery: what the `delivered` event itself has no field for. */
function deliveryNotes(proof: DeliveryProof, cash: string | null): string[] {
  const notes: string[] = [];
  if (cash) notes.push(`Cash collected ${cash}`);
  // The photo is the event's proof; a signature beside it is named here so the outlet can find it.
  if (proof.signature && proof.photo) notes.push(`Customer signed for it (signature proof ${proof.signature})`);
  if (proof.code) notes.push(`Delivery code given: ${proof.code}`);
  return notes;
}

interface PlannedDelivery {
  readonly doc: Y.Doc;
  readonly notes: readonly string[];
  readonly data: { readonly proof?: string };
}

/** Checks a delivery against the order and the rules without writing anything: what to write, or why not. */
function planDelivery(ctx: OrderCommandContext, orderId: OrderId, proof: DeliveryProof, cashCollected: boolean): PlannedDelivery | string {
  const order = heldOrder(ctx, orderId);
  if (typeof order === 'string') return order;
  const code = proof.code?.trim() || null;
  if (!proof.photo && !proof.signature && !code) return 'Take a photo at the door, get a signature or enter the delivery code.';
  const { header } = order.view;
  const due = cashDue(header);
  if (due > 0 && !cashCollected) return `Collect ${formatMoney(due, header.currency)} in cash first, or mark the delivery failed.`;
  const eventProof = proof.photo ?? proof.signature;
  const data = eventProof ? { proof: eventProof } : {};
  const check = proposeEvent(ctx.actor, order.view, 'delivered', data);
  if (!check.ok) return check.error.message;
  return { doc: order.doc, notes: deliveryNotes({ ...proof, code }, due > 0 ? formatMoney(due, header.currency) : null), data };
}

/** Whether `markDelivered` would take this delivery; nothing is written. */
export function checkDelivery(ctx: OrderCommandContext, orderId: OrderId, proof: DeliveryProof, cashCollected: boolean): CommandOutcome {
  const plan = planDelivery(ctx, orderId, proof, cashCollected);
  return typeof plan === 'string' ? refuse(plan) : done;
}

/**
 * Marks the order delivered with its proof, and the cash collected for a cash order, in one change:
 * the notes and the `delivered` event reach every device together or not at all. The event's time is
 * this device's clock now, whenever it reaches the server.
 */
export function markDelivered(ctx: OrderCommandContext, orderId: OrderId, proof: DeliveryProof, cashCollected: boolean): CommandOutcome {
  const plan = planDelivery(ctx, orderId, proof, cashCollected);
  if (typeof plan === 'string') return refuse(plan);
  let outcome: CommandOutcome = done;
  plan.doc.transact(() => {
    for (const text of plan.notes) {
      const noted = runOrderAction(ctx, orderId, 'addNote', { text });
      if (!noted.ok) outcome = noted;
    }
    if (outcome.ok) outcome = runOrderAction(ctx, orderId, 'deliver', plan.data);
  });
  return outcome;
}
