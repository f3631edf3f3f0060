import { describe, expect, it } from 'vitest';
import { officeCash } from '../../../../../../client/admin/model/cash/officeCash';
import type { LedgerEntry } from '../../../../../../shared/cash/ledgerEntries';
import { reconcileCash } from '../../../../../../shared/cash/reconcile';
import type { EventId, OrderId, UserId } from '../../../../../../shared/ids';
import { money } from '../../../../../../shared/money';

const RAVI = 'driver-ravi' as UserId;
const AT = Date.UTC(2026, 11, 5, 12);
const base = (id: string, amount: number, minutes = 0) => ({
  id: id as EventId,
  at: AT + minutes * 60_000,
  amount: money(amount),
  currency: 'INR',
});
const collected = (id: string, amount: number): LedgerEntry => ({
  ...base(id, amount),
  kind: 'collected',
  by: RAVI,
  orderId: id as OrderId,
});
const handed = (id: string, amount: number, minutes: number): LedgerEntry => ({
  ...base(id, amount, minutes),
  kind: 'handed',
  by: RAVI,
  party: { kind: 'admin' },
});

describe('the office’s view of a driver’s cash', () => {
  it('suggests counting everything the driver holds when nothing was handed to the office', () => {
    const view = officeCash(reconcileCash([collected('o-1', 27_000), collected('o-2', 13_000)]), 'INR');
    expect(view).toMatchObject({ currency: 'INR', holding: 40_000, waiting: [], suggested: 40_000 });
  });

  it('lists the driver’s handovers to the office still waiting for a count and suggests their sum', () => {
    const view = officeCash(reconcileCash([collected('o-1', 27_000), collected('o-2', 13_000), handed('h-1', 27_000, 90)]), 'INR');
    expect(view.holding).toBe(13_000);
    expect(view.waiting.map((h) => h.handed?.id)).toEqual(['h-1']);
    expect(view.suggested).toBe(27_000);
  });

  it('reads a ledger not on the device yet as holding nothing, in the platform currency', () => {
    expect(officeCash(undefined, 'INR')).toEqual({ currency: 'INR', holding: 0, waiting: [], suggested: 0 });
  });
});
