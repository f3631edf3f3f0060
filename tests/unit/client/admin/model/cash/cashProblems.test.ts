import { describe, expect, it } from 'vitest';
import { clockTime } from '../../../../../../client/common/ui/clockTime';
import { cashMismatchProblems } from '../../../../../../client/admin/model/cash/cashProblems';
import type { LedgerEntry } from '../../../../../../shared/cash/ledgerEntries';
import { reconcileCash } from '../../../../../../shared/cash/reconcile';
import type { EventId, OutletId, UserId } from '../../../../../../shared/ids';
import { money } from '../../../../../../shared/money';

const RAVI = 'driver-ravi' as UserId;
const KITCHEN = { kind: 'outlet', outletId: 'outlet-1' as OutletId } as const;
const AT = new Date(2026, 11, 5, 18, 2).getTime();

const side = (kind: 'handed' | 'received', id: string, amount: number): LedgerEntry => ({
  id: id as EventId,
  kind,
  at: AT,
  by: (kind === 'handed' ? RAVI : 'cook-1') as UserId,
  party: KITCHEN,
  amount: money(amount),
  currency: 'INR',
});

describe('cash mismatches as admin problems', () => {
  it('raises one problem per handover whose sides differ, keyed as the server’s alert for it (driver and their entry), naming both amounts', () => {
    const ledger = reconcileCash([side('handed', 'h-1', 50_000), side('received', 'r-1', 45_000)]);
    const problems = cashMismatchProblems(
      new Map([[RAVI, ledger]]),
      () => 'Ravi',
      (outletId) => (outletId === 'outlet-1' ? 'Demo Kitchen' : '?'),
    );
    expect(problems).toEqual([
      {
        key: 'cash_mismatch:driver-ravi:h-1',
        kind: 'cash_mismatch',
        orderId: null,
        outletId: 'outlet-1',
        text: `Ravi handed ₹500.00 to Demo Kitchen at ${clockTime(AT)}, ₹450.00 was counted`,
        since: AT,
      },
    ]);
  });

  it('raises nothing for settled handovers or those still waiting for a side', () => {
    const ledger = reconcileCash([side('handed', 'h-1', 50_000), side('received', 'r-1', 50_000), side('handed', 'h-2', 1_000)]);
    expect(
      cashMismatchProblems(
        new Map([[RAVI, ledger]]),
        () => 'Ravi',
        () => 'Demo Kitchen',
      ),
    ).toEqual([]);
  });
});
