import type { CashReconciliation, Handover } from '../../../../shared/cash/reconcile';

/** What the office sees of one driver's cash before counting it: what they hold, and what they say they handed to an admin. */
export interface OfficeCash {
  readonly currency: string;
  /** What the ledger says the driver holds now (handovers waiting for a count already taken off). */
  readonly holding: number;
  /** The driver's handovers to the office no admin has recorded yet, newest first. */
  readonly waiting: readonly Handover[];
  /** The amount to offer in the count: what is waiting, else everything they hold; never below 0. */
  readonly suggested: number;
}

/**
 * Reads a driver's reconciled ledger for the office's counter. A `handed` to the office is taken off
 * `holding` at once (the driver's word), so with one waiting the count to confirm is that handover.
 */
export function officeCash(ledger: CashReconciliation | undefined, fallbackCurrency: string): OfficeCash {
  const balance = ledger?.balances[0];
  const currency = balance?.currency ?? fallbackCurrency;
  const holding = balance?.holding ?? 0;
  const waiting = (ledger?.handovers ?? []).filter(
    (h) => h.party.kind === 'admin' && h.state === 'awaiting_receiver' && h.currency === currency,
  );
  const handed = waiting.reduce((sum, h) => sum + h.amount, 0);
  return { currency, holding, waiting, suggested: Math.max(0, handed > 0 ? handed : holding) };
}
