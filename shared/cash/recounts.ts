import { counterpartyKey, type LedgerEntry, type LedgerEntryOf } from './ledgerEntries';

type Side = LedgerEntryOf<'handed' | 'received'>;

/**
 * Why `entry`, if it is a recount, may not stand in for the entry it names in the ledger `find` reads,
 * or null when it may (or is no recount): it names an original entry of the same side, party and currency.
 */
export function recountProblem(entry: LedgerEntry, find: (id: string) => LedgerEntry | null): string | null {
  if (entry.kind === 'collected' || entry.replaces === undefined) return null;
  const target = find(entry.replaces);
  if (!target || target.kind !== entry.kind) return 'A recount names an earlier entry of the same side of a handover.';
  if (target.replaces !== undefined) return 'A recount names the original entry, not another recount.';
  if (counterpartyKey(target.party) !== counterpartyKey(entry.party) || target.currency !== entry.currency)
    return 'A recount keeps the party and currency of the entry it corrects.';
  return null;
}

const later = (a: Side, b: Side): boolean => a.at > b.at || (a.at === b.at && a.id > b.id);

/**
 * The entries with recounts applied: each original side takes the amount of its latest valid recount by
 * (at, id), keeping its own id and time so the handover pairs as before and keeps its name; recounts
 * themselves drop out, and one naming nothing valid counts for nothing. A pure fold over the set, so
 * every device that holds the same entries agrees, whatever order they arrived in.
 */
export function applyRecounts(entries: readonly LedgerEntry[]): LedgerEntry[] {
  const byId = new Map<string, LedgerEntry>(entries.map((e) => [e.id, e]));
  const latest = new Map<string, Side>();
  for (const e of entries) {
    if (e.kind === 'collected' || e.replaces === undefined) continue;
    if (recountProblem(e, (id) => byId.get(id) ?? null) !== null) continue;
    const known = latest.get(e.replaces);
    if (!known || later(e, known)) latest.set(e.replaces, e);
  }
  return entries.flatMap((e): LedgerEntry[] => {
    if (e.kind === 'collected') return [e];
    if (e.replaces !== undefined) return [];
    const recount = latest.get(e.id);
    return [recount ? { ...e, amount: recount.amount } : e];
  });
}
