import { cashMismatchKey } from '../../../../shared/adminAlerts';
import type { CashReconciliation } from '../../../../shared/cash/reconcile';
import type { UserId } from '../../../../shared/ids';
import { formatMoney } from '../../../../shared/money';
import { clockTime } from '../../../common/ui/clockTime';
import type { Problem } from '../alerts/problems';

/**
 * A handover whose two sides disagree, one problem per pair, keyed as the server's alert for it
 * (`cash_mismatch:<driverId>:<driver's entry>`) so the two are one problem, told once on each device: "Cash handover: Ravi handed ₹500.00 to Demo Kitchen at 18:02, ₹450.00 was counted".
 */
export function cashMismatchProblems(
  cash: ReadonlyMap<UserId, CashReconciliation>,
  driverName: (id: UserId) => string,
  partyName: (outletId: string | null) => string,
): Problem[] {
  const problems: Problem[] = [];
  for (const [driverId, ledger] of cash) {
    for (const h of ledger.mismatches) {
      if (!h.handed || !h.received) continue;
      const outletId = h.party.kind === 'outlet' ? h.party.outletId : null;
      const money = (amount: number): string => formatMoney(amount, h.currency);
      const text = `${driverName(driverId)} handed ${money(h.handed.amount)} to ${partyName(outletId)} at ${clockTime(h.handed.at)}, ${money(h.received.amount)} was counted`;
      problems.push({ key: cashMismatchKey(driverId, h.handed.id), kind: 'cash_mismatch', orderId: null, outletId, text, since: h.at });
    }
  }
  return problems;
}
