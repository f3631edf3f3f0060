import { describe, expect, it } from 'vitest';
import type { Counterparty, LedgerEntry } from '../../../../shared/cash/ledgerEntries';
import { reconcileCash } from '../../../../shared/cash/reconcile';
import { recountProblem } from '../../../../shared/cash/recounts';
import type { EventId, OrderId, OutletId, UserId } from '../../../../shared/ids';
import { money } from '../../../../shared/money';

const T0 = 1_700_000_000_000;
const MIN = 60_000;
const DRIVER = 'driver-1' as UserId;
const KITCHEN: Counterparty = { kind: 'outlet', outletId: 'outlet-1' as OutletId };
const OFFICE: Counterparty = { kind: 'admin' };
const at = (minutes: number) => T0 + minutes * MIN;
const side = (kind: 'handed' | 'received', id: string, amount: number, minutes: number, more: Partial<LedgerEntry> = {}): LedgerEntry =>
  ({
    id: id as EventId,
    kind,
    at: at(minutes),
    by: kind === 'handed' ? DRIVER : ('cook-1' as UserId),
    party: KITCHEN,
    amount: money(amount),
    currency: 'INR',
    ...more,
  }) as LedgerEntry;
const collected: LedgerEntry = {
  id: 'c-1' as EventId,
  kind: 'collected',
  at: T0,
  by: DRIVER,
  orderId: 'o-1' as OrderId,
  amount: money(10_000),
  currency: 'INR',
};
const recount = (id: string, replaces: string, amount: number, minutes: number, kind: 'handed' | 'received' = 'received') =>
  side(kind, id, amount, minutes, { replaces: replaces as EventId });

describe('recounts of a handover’s side', () => {
  const mismatched = [collected, side('handed', 'h-1', 10_000, 60), side('received', 'r-1', 8_000, 61)];

  it('settle a mismatch: the recount stands in for the entry it names, which keeps its id and time', () => {
    const result = reconcileCash([...mismatched, recount('r-2', 'r-1', 10_000, 300)]);
    expect(result.mismatches).toEqual([]);
    expect(result.handovers).toMatchObject([{ state: 'settled', amount: 10_000, received: { id: 'r-1', at: at(61), amount: 10_000 } }]);
    expect(result.balances[0]?.holding).toBe(0);
  });

  it('count at the latest recount by time, whatever order they arrived in', () => {
    const recounts = [recount('r-3', 'r-1', 9_000, 400), recount('r-2', 'r-1', 10_000, 300)];
    const one = reconcileCash([...mismatched, ...recounts]);
    expect(one.mismatches).toMatchObject([{ received: { amount: 9_000 } }]);
    expect(reconcileCash([...recounts.reverse(), ...mismatched])).toEqual(one);
  });

  it('count for nothing when they name another side, party, currency, a recount, or nothing there', () => {
    const invalid = [
      recount('x-1', 'h-1', 10_000, 300),
      recount('x-2', 'r-1', 10_000, 300, 'handed'),
      side('received', 'x-3', 10_000, 300, { party: OFFICE, replaces: 'r-1' as EventId }),
      side('received', 'x-4', 10_000, 300, { currency: 'USD', replaces: 'r-1' as EventId }),
      recount('x-5', 'missing', 10_000, 300),
    ];
    expect(reconcileCash([...mismatched, ...invalid])).toEqual(reconcileCash(mismatched));
    const byId = new Map<string, LedgerEntry>([...mismatched, ...invalid].map((e) => [e.id, e]));
    for (const e of invalid) expect(recountProblem(e, (id) => byId.get(id) ?? null)).not.toBeNull();
    const chained = recount('x-6', 'r-2', 10_000, 400);
    const withFirst = new Map<string, LedgerEntry>([...byId, ['r-2', recount('r-2', 'r-1', 9_000, 300)]]);
    expect(recountProblem(chained, (id) => withFirst.get(id) ?? null)).toMatch(/original/);
  });
});
