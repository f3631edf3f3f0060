import { randomId } from '../../../../shared/ids';
import type { Catalog } from '../../../../shared/catalog/outletDoc';
import type { Actor } from '../../../../shared/roles';
import { checkPhoneOrder } from './checkPhoneOrder';
import { newPhoneOrderRow } from './outbox';
import type { OutboxGate } from './outboxGate';
import { phoneOrderRequestSchema, type PhoneOrderRequest } from '../../../../shared/api/phoneOrder';
import type { DabbaDb } from '../../../common/store/db';
import { deletePhoneOrders, getPhoneOrder, savePhoneOrder } from '../../../common/store/phoneOrders';
import { done, refuse, type CommandOutcome } from '../../../common/commands/commandOutcome';

/** What phone-order commands need: who acts, the device's store, and a way to wake the outbox. */
export interface PhoneOrderContext {
  readonly actor: Actor;
  readonly db: DabbaDb;
  readonly wakeOutbox: () => void;
  /** The outbox's: a corrected entry waits for a send of the old one in flight. */
  readonly gate: OutboxGate;
}

const mayTakeFor = (actor: Actor, outletId: string): boolean =>
  actor.role === 'admin' || (actor.role === 'outlet' && actor.outletId === outletId);

/**
 * Checks a phone order and puts it in the device's outbox, to be placed when the server can be
 * reached. A corrected entry replaces the one it `replaces` under a new key: the server refuses a
 * key reused with a different body, and the old body was never placed.
 */
export async function enterPhoneOrder(
  ctx: PhoneOrderContext,
  draft: unknown,
  catalog: Catalog | null,
  replaces: string | null = null,
  now: number = Date.now(),
): Promise<CommandOutcome> {
  const parsed = phoneOrderRequestSchema.safeParse(draft);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse(issue ? issue.message : 'The order is incomplete.');
  }
  const request = parsed.data;
  if (!mayTakeFor(ctx.actor, request.outletId)) return refuse('You can only take orders for your own outlet.');
  if (!catalog) return refuse('The menu has not reached this device yet; connect once to load it.');
  const check = checkPhoneOrder(catalog, request, now);
  if (check.blocking) return refuse(check.blocking);
  if (replaces === null) return queue(ctx, request, null);
  // The old entry may be on its way to the server: replacing it then would place both versions.
  const release = await ctx.gate.holdForEdit(replaces);
  if (!release) return refuse('This phone order is being sent right now; try the change again in a moment.');
  try {
    const old = await getPhoneOrder(ctx.db, replaces);
    if (old?.state === 'placed') return refuse('That phone order was already placed.');
    return await queue(ctx, request, replaces);
  } finally {
    release();
  }
}

async function queue(ctx: PhoneOrderContext, request: PhoneOrderRequest, replaces: string | null): Promise<CommandOutcome> {
  await savePhoneOrder(ctx.db, newPhoneOrderRow(`phone-${randomId()}`, request), replaces);
  ctx.wakeOutbox();
  return done;
}

/** Drops a phone order that was not placed (refused, or the caller changed their mind). */
export async function discardPhoneOrder(ctx: PhoneOrderContext, key: string): Promise<CommandOutcome> {
  const row = await getPhoneOrder(ctx.db, key);
  if (!row) return done;
  if (row.state === 'placed') return refuse('That phone order was already placed; cancel the order instead.');
  if (!mayTakeFor(ctx.actor, row.outletId)) return refuse('This phone order belongs to another outlet.');
  await deletePhoneOrders(ctx.db, [key]);
  return done;
}
