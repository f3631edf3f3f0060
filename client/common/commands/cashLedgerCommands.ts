import type * as Y from 'yjs';
import { ledgerEntryIn, ledgerMap, type LedgerEntry } from '../../../shared/cash/ledgerEntries';
import { checkLedgerEntry } from '../../../shared/cash/ledgerRules';
import { newEventId, type UserId } from '../../../shared/ids';
import type { Actor } from '../../../shared/roles';
import { done, refuse, type CommandOutcome } from './commandOutcome';

type WithoutStamp<E> = E extends LedgerEntry ? Omit<E, 'id' | 'at' | 'by'> : never;
/** What a person records: the entry without its id, time and author, which the command stamps. */
export type LedgerDraft = WithoutStamp<LedgerEntry>;

/**
 * Adds an entry to driver `driverId`'s cash ledger as the signed-in user, stamped with this device's
 * clock, once the shared rule allows it (the server checks the same rule). The ledger document is held
 * and saved like an order's, so this works offline and syncs when the device reconnects.
 */
export function recordLedgerEntry(doc: Y.Doc, actor: Actor, driverId: UserId, draft: LedgerDraft, now = Date.now()): CommandOutcome {
  const id = newEventId();
  const entry = checkLedgerEntry(actor, driverId, id, { ...draft, id, at: now, by: actor.id }, (key) => ledgerEntryIn(doc, key));
  if (typeof entry === 'string') return refuse(entry);
  ledgerMap(doc).set(id, entry);
  return done;
}
