import { orderDocName } from '../../../shared/docNames';
import type { OrderId } from '../../../shared/ids';
import { inboxMap, inboxOrderIds } from '../../../shared/inbox';
import type { SyncProvider } from './syncProvider';

/**
 * Holds every order an inbox lists. The inbox is server-written, so following it is how a device
 * learns of new orders; it is re-read on each change because a rebuild replaces the Y.Doc.
 * Returns a function that stops following.
 */
export function followInbox(provider: SyncProvider, inboxName: string): () => void {
  // The listing each order was last followed for. The server lists an order once the user may open it, so
  // an order refused before its listing was set (a driver opening a job the moment they accept it, or one
  // given back to them later) is asked for again, once per listing.
  // Only orders listed now are kept: an inbox open all week would otherwise keep every listing it ever had.
  let followed = new Map<OrderId, unknown>();
  const follow = (): void => {
    const inbox = provider.docs.get(inboxName);
    if (!inbox) return;
    const entries = inboxMap(inbox);
    const listed = new Map<OrderId, unknown>();
    for (const orderId of inboxOrderIds(inbox)) {
      const name = orderDocName(orderId);
      const listing = entries.get(orderId);
      if (!provider.docs.isHeld(name)) void provider.open(name);
      else if (followed.get(orderId) !== listing && provider.refusal(name)) provider.askAgain(name);
      listed.set(orderId, listing);
    }
    followed = listed;
  };
  const stop = provider.onDocChange((docName) => {
    if (docName === inboxName) follow();
  });
  void provider.open(inboxName).then(follow);
  return stop;
}
