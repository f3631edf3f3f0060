import type { UserId } from '../ids';
import type { Actor } from '../roles';
import { ledgerEntrySchema, type LedgerEntry } from './ledgerEntries';
import { firstIssueText } from '../zodIssue';
import { recountProblem } from './recounts';

/**
 * Who may add which entry to driver `driverId`'s ledger: the driver their own collections and their side
 * of a handover; outlet staff the receiving side for their own outlet; an admin the receiving side for
 * the office. Each entry names its author and is filed under its own id; a recount names an entry of the
 * same side in the ledger `find` reads. The same rule runs in the apps' commands and in the server's
 * check, so a device never writes what the server would refuse.
 */
export function checkLedgerEntry(
  actor: Actor,
  driverId: UserId,
  key: string,
  value: unknown,
  find: (id: string) => LedgerEntry | null,
): LedgerEntry | string {
  const parsed = ledgerEntrySchema.safeParse(value);
  if (!parsed.success) return `Not a valid ledger entry: ${firstIssueText(parsed.error)}`;
  const entry = parsed.data;
  const problem = authorProblem(actor, driverId, key, entry) ?? recountProblem(entry, find);
  return problem ?? entry;
}

function authorProblem(actor: Actor, driverId: UserId, key: string, entry: LedgerEntry): string | null {
  if (entry.id !== key) return 'A ledger entry is filed under its own id.';
  if (entry.by !== actor.id) return 'A ledger entry must be written by the signed-in user.';
  switch (actor.role) {
    case 'driver':
      if (actor.id !== driverId) return 'A driver writes only their own cash ledger.';
      return entry.kind === 'received' ? 'The receiving side of a handover is the outlet’s or an admin’s to record.' : null;
    case 'outlet':
      if (entry.kind !== 'received') return 'Outlet staff record only the cash they received.';
      return entry.party.kind === 'outlet' && entry.party.outletId === actor.outletId ? null : 'Outlet staff receive for their own outlet.';
    case 'admin':
      if (entry.kind !== 'received') return 'Admins record only the cash they received.';
      return entry.party.kind === 'admin' ? null : 'An admin receives for the office, not for an outlet.';
  }
}
