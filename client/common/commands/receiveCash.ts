import type { Counterparty } from '../../../shared/cash/ledgerEntries';
import { cashLedgerName } from '../../../shared/docNames';
import type { UserId } from '../../../shared/ids';
import { MoneySchema } from '../../../shared/money';
import type { Actor } from '../../../shared/roles';
import { recordLedgerEntry } from './cashLedgerCommands';
import { refuse, type CommandOutcome } from './commandOutcome';
import type { OrderCommandContext } from './orderCommands';

/** Who receives for the signed-in user: outlet staff for their outlet, an admin for the office; a driver never. */
const receiverOf = (actor: Actor): Counterparty | null =>
  actor.role === 'outlet' ? { kind: 'outlet', outletId: actor.outletId } : actor.role === 'admin' ? { kind: 'admin' } : null;

/**
 * The receiving side of a handover: "this outlet (or the office) received ₹Y from the driver", written
 * into the driver's ledger on this device (held from now on, saved first, synced when there is network).
 * It pairs with the driver's own record once both have synced; a different amount is flagged to admins.
 */
export function receiveCash(ctx: OrderCommandContext | null, driverId: UserId, amount: number, currency: string): CommandOutcome {
  const party = ctx ? receiverOf(ctx.actor) : null;
  if (!ctx || !party) return refuse('Sign in as outlet staff or an admin to receive cash.');
  const ledger = ctx.docs.get(cashLedgerName(driverId));
  if (!ledger) return refuse('This driver’s cash ledger is still opening on this device; try again in a moment.');
  const parsed = MoneySchema.safeParse(amount);
  if (!parsed.success || parsed.data === 0) return refuse('Enter the amount you counted.');
  return recordLedgerEntry(ledger, ctx.actor, driverId, { kind: 'received', party, amount: parsed.data, currency });
}
