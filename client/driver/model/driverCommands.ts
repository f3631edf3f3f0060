import type * as Y from 'yjs';
import { cashLedgerName } from '../../../shared/docNames';
import type { OrderId } from '../../../shared/ids';
import { cashCollectionProblem } from '../../../shared/cash/collection';
import { formatMoney, MoneySchema, type Money } from '../../../shared/money';
import type { OrderHeader } from '../../../shared/order/header';
import { cashDue } from '../../../shared/dispatch/offer';
import { proposeEvent } from '../../../shared/order/commands';
import { deliveredCodeProblem, deliveryCodeFailures } from '../../../shared/order/deliveryCode';
import { done, refuse, type CommandOutcome } from '../../common/commands/commandOutcome';
import { recordLedgerEntry } from '../../common/commands/cashLedgerCommands';
import { heldOrder, runOrderAction, type OrderCommandContext } from '../../common/commands/orderCommands';

/** How a driver shows the order reached the customer. At least one is needed. */
export interface DeliveryProof {
  /** SHA-256 (hex) of the doorstep photo. */
  readonly photo: string | null;
  /** SHA-256 (hex) of the customer's signature, drawn on the phone. */
  readonly signature: string | null;
  /**
   * The code the customer read out. On an order with a delivery code it must match its hash (checked
   * first by enterDeliveryCode, which records wrong ones); on older orders it is only noted.
   */
  readonly code: string | null;
}

/** The notes that go with a delivery: what the `delivered` event itself has no field for. */
function deliveryNotes(proof: DeliveryProof): string[] {
  const notes: string[] = [];
  // The photo is the event's proof; a signature beside it is named here so the outlet can find it.
  if (proof.signature && proof.photo) notes.push(`Customer signed for it (signature proof ${proof.signature})`);
  if (proof.code) notes.push(`Delivery code given: ${proof.code}`);
  return notes;
}

interface PlannedDelivery {
  readonly doc: Y.Doc;
  readonly notes: readonly string[];
  /** The `cash_collected` to write first, for a cash order. */
  readonly cash: { readonly amount: Money; readonly currency: string } | null;
  readonly data: { readonly proof?: string; readonly code?: string };
}

/**
 * The cash to record, or why not: a cash order needs it, at most what is due (a tip is the driver's,
 * not the order's); less than due is a customer short of cash, recorded as it is and shown as short.
 */
function planCash(header: OrderHeader, collected: number | null): PlannedDelivery['cash'] | string {
  const due = cashDue(header);
  // Nothing to collect (a card order) writes nothing; cash entered anyway is refused by the shared rule, not dropped.
  if (collected === null)
    return due === 0 ? null : `Collect ${formatMoney(due, header.currency)} in cash first, or mark the delivery failed.`;
  const amount = MoneySchema.safeParse(collected);
  if (!amount.success) return 'Enter the cash collected as an amount.';
  const cash = { amount: amount.data, currency: header.currency };
  return cashCollectionProblem(header, cash) ?? cash;
}

/** Checks a delivery against the order and the rules without writing anything: what to write, or why not. */
function planDelivery(
  ctx: OrderCommandContext,
  orderId: OrderId,
  proof: DeliveryProof,
  cashCollected: number | null,
): PlannedDelivery | string {
  const order = heldOrder(ctx, orderId);
  if (typeof order === 'string') return order;
  const code = proof.code?.trim() || null;
  if (!proof.photo && !proof.signature && !code) return 'Take a photo at the door, get a signature or enter the delivery code.';
  const { header } = order.view;
  // The same rule the server applies: a code must be the right one, and only while tries remain.
  const eventProof = proof.photo ?? proof.signature;
  const codeProblem = deliveredCodeProblem(
    header.id,
    header.deliveryCode,
    { code: code ?? undefined, proof: eventProof ?? undefined },
    deliveryCodeFailures(order.view.state),
  );
  if (header.deliveryCode && code && codeProblem) return codeProblem;
  const cash = planCash(header, cashCollected);
  if (typeof cash === 'string') return cash;
  const data = { ...(eventProof ? { proof: eventProof } : {}), ...(header.deliveryCode && code ? { code } : {}) };
  const check = proposeEvent(ctx.actor, order.view, 'delivered', data);
  if (!check.ok) return check.error.message;
  // A checked code is the event's own; only an older order's unchecked code goes into a note.
  const noted = header.deliveryCode ? { ...proof, code: null } : { ...proof, code };
  return { doc: order.doc, notes: deliveryNotes(noted), cash, data };
}

/**
 * The ledger's copy of the cash just recorded on the order, so the driver's balance (and the outlet's
 * and admins' view of it) counts it. The device holds its ledger from sign-in (heldDocsOf); each order
 * counts once in the balance however often it is written.
 */
function recordCollection(ctx: OrderCommandContext, orderId: OrderId, cash: { readonly amount: Money; readonly currency: string }): void {
  const ledger = ctx.docs.get(cashLedgerName(ctx.actor.id));
  if (ledger) recordLedgerEntry(ledger, ctx.actor, ctx.actor.id, { kind: 'collected', orderId, ...cash });
}

/** Whether `markDelivered` would take this delivery; nothing is written. */
export function checkDelivery(
  ctx: OrderCommandContext,
  orderId: OrderId,
  proof: DeliveryProof,
  cashCollected: number | null,
): CommandOutcome {
  const plan = planDelivery(ctx, orderId, proof, cashCollected);
  return typeof plan === 'string' ? refuse(plan) : done;
}

/**
 * Marks the order delivered with its proof, and the cash collected (`cash_collected`, minor units) for a
 * cash order, in one change: the cash, the notes and the `delivered` event reach every device together
 * or not at all. The events' time is this device's clock now, whenever they reach the server.
 */
export function markDelivered(
  ctx: OrderCommandContext,
  orderId: OrderId,
  proof: DeliveryProof,
  cashCollected: number | null,
): CommandOutcome {
  const plan = planDelivery(ctx, orderId, proof, cashCollected);
  if (typeof plan === 'string') return refuse(plan);
  let outcome: CommandOutcome = done;
  plan.doc.transact(() => {
    if (plan.cash) outcome = runOrderAction(ctx, orderId, 'collectCash', plan.cash);
    for (const text of plan.notes) {
      const noted = runOrderAction(ctx, orderId, 'addNote', { text });
      if (!noted.ok) outcome = noted;
    }
    if (outcome.ok) outcome = runOrderAction(ctx, orderId, 'deliver', plan.data);
  });
  if (outcome.ok && plan.cash) recordCollection(ctx, orderId, plan.cash);
  return outcome;
}
