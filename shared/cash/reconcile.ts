import { counterpartyKey, type Counterparty, type LedgerEntry, type LedgerEntryOf } from './ledgerEntries';
import { applyRecounts } from './recounts';

/**
 * How far apart in time (device clocks) the two sides of one handover may be stamped and still be
 * paired: the driver and the counter staff tap within minutes of each other, while two handovers to the
 * same outlet are hours apart. Wide enough for a phone clock a few minutes off.
 */
export const HANDOVER_PAIRING_MS = 30 * 60_000;

export type HandoverState =
  /** Both sides recorded the same amount. */
  | 'settled'
  /** Both sides are in and the amounts differ: flagged to admins. */
  | 'mismatch'
  /** Only the driver's side is here: the receiver's device has not synced it (or never recorded it). */
  | 'awaiting_receiver'
  /** Only the receiver's side is here. */
  | 'awaiting_driver';

export interface Handover {
  readonly party: Counterparty;
  readonly handed: LedgerEntryOf<'handed'> | null;
  readonly received: LedgerEntryOf<'received'> | null;
  readonly state: HandoverState;
  readonly currency: string;
  /** What this handover takes off the driver's balance: the receiver's count when there is one (they counted the notes), else the driver's word. */
  readonly amount: number;
  /** The earlier side's time. */
  readonly at: number;
}

export interface CashBalance {
  readonly currency: string;
  /** Cash taken at doors, each order once. */
  readonly collected: number;
  /** Taken off by handovers (see Handover.amount). */
  readonly handedOver: number;
  /** collected − handedOver: what the driver should hold now, and hand in at the end of the shift. */
  readonly holding: number;
}

export interface CashReconciliation {
  readonly balances: readonly CashBalance[];
  /** Every handover, newest first. */
  readonly handovers: readonly Handover[];
  readonly mismatches: readonly Handover[];
}

const byTime = (a: LedgerEntry, b: LedgerEntry): number => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Pairs one party's handed and received entries, oldest first: each driver's side with the earliest
 * unpaired receiver's side in the same currency within HANDOVER_PAIRING_MS. Sorted by (at, id), so every
 * device pairs the same set the same way, whatever order the entries arrived in.
 */
function pairParty(handed: LedgerEntryOf<'handed'>[], received: LedgerEntryOf<'received'>[]): Handover[] {
  const left = [...received].sort(byTime);
  const out: Handover[] = [];
  for (const h of [...handed].sort(byTime)) {
    const i = left.findIndex((r) => r.currency === h.currency && Math.abs(r.at - h.at) <= HANDOVER_PAIRING_MS);
    const r = i >= 0 ? (left.splice(i, 1)[0] ?? null) : null;
    const state: HandoverState = r === null ? 'awaiting_receiver' : r.amount === h.amount ? 'settled' : 'mismatch';
    out.push({
      party: h.party,
      handed: h,
      received: r,
      state,
      currency: h.currency,
      amount: r?.amount ?? h.amount,
      at: Math.min(h.at, r?.at ?? h.at),
    });
  }
  for (const r of left)
    out.push({ party: r.party, handed: null, received: r, state: 'awaiting_driver', currency: r.currency, amount: r.amount, at: r.at });
  return out;
}

/**
 * One driver's cash from their ledger: the balance per currency, every handover paired, and the
 * mismatches. A pure fold over the set of entries: two devices holding the same entries agree, however
 * they merged. An order's cash counts once (its first `collected` by (at, id)), so a repeat is harmless;
 * a side recounted counts at its latest recount (shared/cash/recounts.ts).
 */
export function reconcileCash(entries: readonly LedgerEntry[]): CashReconciliation {
  const sorted = applyRecounts(entries).sort(byTime);
  const collectedOrders = new Set<string>();
  const collected = new Map<string, number>();
  const parties = new Map<string, { handed: LedgerEntryOf<'handed'>[]; received: LedgerEntryOf<'received'>[] }>();
  const partyOf = (e: LedgerEntryOf<'handed' | 'received'>) => {
    const key = counterpartyKey(e.party);
    const found = parties.get(key) ?? { handed: [], received: [] };
    parties.set(key, found);
    return found;
  };
  for (const e of sorted) {
    if (e.kind === 'collected') {
      if (collectedOrders.has(e.orderId)) continue;
      collectedOrders.add(e.orderId);
      collected.set(e.currency, (collected.get(e.currency) ?? 0) + e.amount);
    } else if (e.kind === 'handed') partyOf(e).handed.push(e);
    else partyOf(e).received.push(e);
  }
  const handovers = [...parties.values()].flatMap((p) => pairParty(p.handed, p.received)).sort((a, b) => b.at - a.at);
  const handed = new Map<string, number>();
  for (const h of handovers) handed.set(h.currency, (handed.get(h.currency) ?? 0) + h.amount);
  const currencies = [...new Set([...collected.keys(), ...handed.keys()])].sort();
  const balances = currencies.map((currency) => {
    const c = collected.get(currency) ?? 0;
    const h = handed.get(currency) ?? 0;
    return { currency, collected: c, handedOver: h, holding: c - h };
  });
  return { balances, handovers, mismatches: handovers.filter((h) => h.state === 'mismatch') };
}
