import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { EventId, OrderId, OutletId, UserId } from '../../../../shared/ids';
import { money } from '../../../../shared/money';
import { ledgerMap, readLedger, type Counterparty, type LedgerEntry } from '../../../../shared/cash/ledgerEntries';
import { HANDOVER_PAIRING_MS, reconcileCash } from '../../../../shared/cash/reconcile';

const T0 = 1_700_000_000_000;
const MIN = 60_000;
const DRIVER = 'driver-1' as UserId;
const COOK = 'cook-1' as UserId;
const KITCHEN: Counterparty = { kind: 'outlet', outletId: 'outlet-1' as OutletId };
const OFFICE: Counterparty = { kind: 'admin' };
let serial = 0;
const id = (): EventId => `e-${String(++serial).padStart(4, '0')}` as EventId;

const collected = (orderId: string, amount: number, at: number): LedgerEntry => ({
  id: id(),
  kind: 'collected',
  at: T0 + at,
  by: DRIVER,
  orderId: orderId as OrderId,
  amount: money(amount),
  currency: 'INR',
});
const handed = (amount: number, at: number, party: Counterparty = KITCHEN): LedgerEntry => ({
  id: id(),
  kind: 'handed',
  at: T0 + at,
  by: DRIVER,
  party,
  amount: money(amount),
  currency: 'INR',
});
const received = (amount: number, at: number, party: Counterparty = KITCHEN): LedgerEntry => ({
  id: id(),
  kind: 'received',
  at: T0 + at,
  by: COOK,
  party,
  amount: money(amount),
  currency: 'INR',
});

const holding = (entries: readonly LedgerEntry[]): number | undefined => reconcileCash(entries).balances[0]?.holding;

describe('a driver’s cash balance', () => {
  it('is the cash collected less what was handed over, each order counted once', () => {
    const first = collected('o-1', 29_000, 0);
    const entries = [first, collected('o-2', 15_000, 10 * MIN), { ...collected('o-1', 29_000, 20 * MIN) }];
    expect(reconcileCash(entries).balances).toEqual([{ currency: 'INR', collected: 44_000, handedOver: 0, holding: 44_000 }]);
    expect(holding([...entries, handed(40_000, 60 * MIN), received(40_000, 62 * MIN)])).toBe(4_000);
  });

  it('settles a handover both sides recorded alike, and says which side is still missing otherwise', () => {
    const base = [collected('o-1', 50_000, 0)];
    const driverSide = handed(50_000, 60 * MIN);
    const outletSide = received(50_000, 58 * MIN);
    expect(reconcileCash([...base, driverSide]).handovers.map((h) => h.state)).toEqual(['awaiting_receiver']);
    expect(reconcileCash([...base, outletSide]).handovers.map((h) => h.state)).toEqual(['awaiting_driver']);
    const both = reconcileCash([...base, driverSide, outletSide]);
    expect(both.handovers).toMatchObject([{ state: 'settled', handed: driverSide, received: outletSide, amount: 50_000 }]);
    expect(both.mismatches).toEqual([]);
    expect(both.balances[0]?.holding).toBe(0);
  });

  it('flags a mismatch when the two sides differ, counting what the receiver counted', () => {
    const result = reconcileCash([collected('o-1', 50_000, 0), handed(50_000, 60 * MIN), received(45_000, 61 * MIN)]);
    expect(result.mismatches).toHaveLength(1);
    expect(result.mismatches[0]).toMatchObject({ state: 'mismatch', amount: 45_000 });
    expect(result.balances[0]?.holding).toBe(5_000);
  });

  it('pairs only within the same party and time window, oldest with oldest', () => {
    const entries = [
      collected('o-1', 90_000, 0),
      handed(20_000, 60 * MIN),
      handed(30_000, 300 * MIN),
      received(30_000, 301 * MIN),
      received(20_000, 59 * MIN),
      received(10_000, 302 * MIN, OFFICE),
      handed(10_000, 300 * MIN + HANDOVER_PAIRING_MS + 1, KITCHEN),
    ];
    const states = reconcileCash(entries).handovers.map((h) => [h.party.kind, h.state, h.amount]);
    expect(states).toEqual([
      ['outlet', 'awaiting_receiver', 10_000],
      ['admin', 'awaiting_driver', 10_000],
      ['outlet', 'settled', 30_000],
      ['outlet', 'settled', 20_000],
    ]);
  });

  it('merges the driver’s and the outlet’s offline entries into one ledger both devices reconcile alike', () => {
    const server = new Y.Doc();
    const phone = new Y.Doc();
    const tablet = new Y.Doc();
    Y.applyUpdate(phone, Y.encodeStateAsUpdate(server));
    Y.applyUpdate(tablet, Y.encodeStateAsUpdate(server));
    // Both offline: each writes its own entries under fresh keys.
    for (const e of [collected('o-1', 29_000, 0), collected('o-2', 21_000, 5 * MIN), handed(50_000, 60 * MIN)])
      ledgerMap(phone).set(e.id, e);
    const counted = received(49_000, 61 * MIN);
    ledgerMap(tablet).set(counted.id, counted);
    // They sync in either order.
    Y.applyUpdate(server, Y.encodeStateAsUpdate(tablet));
    Y.applyUpdate(server, Y.encodeStateAsUpdate(phone));
    Y.applyUpdate(phone, Y.encodeStateAsUpdate(server));
    Y.applyUpdate(tablet, Y.encodeStateAsUpdate(server));
    const onPhone = reconcileCash(readLedger(phone));
    expect(reconcileCash(readLedger(tablet))).toEqual(onPhone);
    expect(onPhone.balances[0]).toEqual({ currency: 'INR', collected: 50_000, handedOver: 49_000, holding: 1_000 });
    expect(onPhone.mismatches).toHaveLength(1);
  });

  it('reads only valid entries filed under their own id', () => {
    const doc = new Y.Doc();
    const good = handed(1_000, 0);
    ledgerMap(doc).set(good.id, good);
    ledgerMap(doc).set('other-key', handed(2_000, 0));
    ledgerMap(doc).set('junk', { kind: 'handed', amount: -1 });
    expect(readLedger(doc)).toEqual([good]);
  });
});
