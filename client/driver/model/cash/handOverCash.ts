import type { Counterparty } from '../../../../shared/cash/ledgerEntries';
import { cashLedgerName } from '../../../../shared/docNames';
import { MoneySchema } from '../../../../shared/money';
import { recordLedgerEntry } from '../../../common/commands/cashLedgerCommands';
import { refuse, type CommandOutcome } from '../../../common/commands/commandOutcome';
import type { OrderCommandContext } from '../../../common/commands/orderCommands';

/**
 * The driver's side of a handover, saved on the phone at once (offline too) and synced with the ledger;
 * it is confirmed when the receiver's record of the same handover arrives (shared/cash/reconcile.ts).
 */
export function handOverCash(ctx: OrderCommandContext | null, party: Counterparty, amount: number, currency: string): CommandOutcome {
  if (!ctx) return refuse('Sign in to record cash.');
  const ledger = ctx.docs.get(cashLedgerName(ctx.actor.id));
  if (!ledger) return refuse('Your cash ledger has not loaded on this phone yet; try again in a moment.');
  const parsed = MoneySchema.safeParse(amount);
  if (!parsed.success || parsed.data === 0) return refuse('Enter the amount you hand over.');
  return recordLedgerEntry(ledger, ctx.actor, ctx.actor.id, { kind: 'handed', party, amount: parsed.data, currency });
}
