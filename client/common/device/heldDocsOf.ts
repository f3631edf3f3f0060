import { cashLedgerName, outletDocName } from '../../../shared/docNames';
import type { Actor } from '../../../shared/roles';

/**
 * Documents the device holds for its user besides the orders its inboxes list. Outlet staff hold
 * their outlet's document, so the menu, availability, busy mode and pause work with no network; a
 * driver holds their cash ledger, so the cash of a delivery made offline is on it at once.
 */
export function heldDocsOf(actor: Actor): string[] {
  if (actor.role === 'outlet') return [outletDocName(actor.outletId)];
  return actor.role === 'driver' ? [cashLedgerName(actor.id)] : [];
}
