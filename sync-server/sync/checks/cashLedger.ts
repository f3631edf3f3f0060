import * as Y from 'yjs';
import { LEDGER_ENTRIES, ledgerEntryIn, ledgerMap } from '../../../shared/cash/ledgerEntries';
import { checkLedgerEntry } from '../../../shared/cash/ledgerRules';
import type { UserId } from '../../../shared/ids';
import { MAX_CLOCK_SKEW_MS } from '../../../shared/protocol/limits';
import type { Actor } from '../../../shared/roles';
import { ACCEPTED, refuse, rootName, type CheckResult } from './result';

/**
 * Every entry an update added to a driver's cash ledger (only the entries root was touched, and nothing
 * was removed or replaced, checked before): a plain entry the actor may write (shared rule), not stamped
 * in the future; a recount names an entry already in the ledger. Entries are facts each side records once, so a balance never changes behind anyone.
 */
export function checkLedgerWrite(scratch: Y.Doc, tr: Y.Transaction, actor: Actor, driverId: UserId, now: number): CheckResult {
  const entries = ledgerMap(scratch);
  for (const [type, keys] of tr.changed) {
    if (type._item !== null || rootName(scratch, type) !== LEDGER_ENTRIES)
      return refuse('invalid_value', 'A cash ledger holds plain entries only, not nested shared types.');
    for (const key of keys) {
      if (key === null) return refuse('invalid_value', 'A cash ledger holds keyed entries only.');
      const value = entries.get(key);
      if (value instanceof Y.AbstractType) return refuse('invalid_value', 'A cash ledger holds plain entries only.');
      const entry = checkLedgerEntry(actor, driverId, key, value, (id) => ledgerEntryIn(scratch, id));
      if (typeof entry === 'string') return refuse('invalid_value', entry);
      if (entry.at > now + MAX_CLOCK_SKEW_MS) return refuse('clock_skew', 'The entry is stamped in the future; check the device clock.');
    }
  }
  return ACCEPTED;
}
