import { cashLedgerName } from '../../../../shared/docNames';
import type { UserId } from '../../../../shared/ids';
import { MoneySchema } from '../../../../shared/money';
import { recordLedgerEntry } from '../../../common/commands/cashLedgerCommands';
import { refuse, type CommandOutcome } from '../../../common/commands/commandOutcome';
import type { OrderCommandContext } from '../../../common/commands/orderCommands';

/**
 * The counter's side of a handover: "this outlet received ₹Y from the driver", written into the driver's
 * ledger on this tablet (held from now on, saved first, synced when there is network). It pairs with
 * the driver's own record once both have synced; a different amount is flagged to admins.
 */
export function receiveCash(ctx: OrderCommandContext | null, driverId: UserId, amount: number, currency: string): CommandOutcome {
  if (!ctx || ctx.actor.role !== 'outlet') return refuse('Sign in as outlet staff to receive cash.');
  const ledger = ctx.docs.get(cashLedgerName(driverId));
  if (!ledger) return refuse('This driver’s cash ledger is still opening on this tablet; try again in a moment.');
  const parsed = MoneySchema.safeParse(amount);
  if (!parsed.success || parsed.data === 0) return refuse('Enter the amount you counted.');
  const party = { kind: 'outlet', outletId: ctx.actor.outletId } as const;
  return recordLedgerEntry(ledger, ctx.actor, driverId, { kind: 'received', party, amount: parsed.data, currency });
}
