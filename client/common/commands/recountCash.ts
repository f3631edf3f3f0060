import type { LedgerEntryOf } from '../../../shared/cash/ledgerEntries';
import { cashLedgerName } from '../../../shared/docNames';
import type { UserId } from '../../../shared/ids';
import { MoneySchema } from '../../../shared/money';
import { recordLedgerEntry, type LedgerDraft } from './cashLedgerCommands';
import { refuse, type CommandOutcome } from './commandOutcome';
import type { OrderCommandContext } from './orderCommands';

/**
 * A recount of one side of a handover ("we counted again: ₹270.00"), written as a new entry naming the
 * original (shared/cash/recounts.ts): the original then counts at the new amount on every device, and a
 * mismatch it settles is resolved for admins too. Only that side's author may write it (the shared rule).
 */
export function recountCash(
  ctx: OrderCommandContext | null,
  driverId: UserId,
  original: LedgerEntryOf<'handed' | 'received'>,
  amount: number,
): CommandOutcome {
  if (!ctx) return refuse('Sign in to record cash.');
  const ledger = ctx.docs.get(cashLedgerName(driverId));
  if (!ledger) return refuse('This driver’s cash ledger is still opening on this device; try again in a moment.');
  const parsed = MoneySchema.safeParse(amount);
  if (!parsed.success || parsed.data === 0) return refuse('Enter the amount you counted.');
  const side = { party: original.party, amount: parsed.data, currency: original.currency, replaces: original.id };
  const draft: LedgerDraft = original.kind === 'handed' ? { kind: 'handed', ...side } : { kind: 'received', ...side };
  return recordLedgerEntry(ledger, ctx.actor, driverId, draft);
}
