import { ADMIN_INBOX, driverInboxName, outletInboxName } from '../../../shared/docNames';
import type { Actor } from '../../../shared/roles';

/** The server-written inboxes that list the orders this actor's device should hold. */
export function inboxesOf(actor: Actor): string[] {
  switch (actor.role) {
    case 'outlet':
      return [outletInboxName(actor.outletId)];
    case 'driver':
      return [driverInboxName(actor.id)];
    case 'admin':
      return [ADMIN_INBOX];
  }
}
