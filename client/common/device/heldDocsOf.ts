import { outletDocName } from '../../../shared/docNames';
import type { Actor } from '../../../shared/roles';

/**
 * Documents the device holds for its user besides the orders its inboxes list. Outlet staff hold
 * their outlet's document, so the menu, availability, busy mode and pause work with no network.
 */
export function heldDocsOf(actor: Actor): string[] {
  return actor.role === 'outlet' ? [outletDocName(actor.outletId)] : [];
}
