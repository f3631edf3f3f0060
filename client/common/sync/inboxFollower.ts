import { orderDocName } from '../../../shared/docNames';
import { inboxOrderIds } from '../../../shared/inbox';
import type { SyncProvider } from './syncProvider';

/**
 * Holds every order an inbox lists. The inbox is server-written, so following it is how a device
 * learns of new orders; it is re-read on each change because a rebuild replaces the Y.Doc.
 * Returns a function that stops following.
 */
export function followInbox(provider: SyncProvider, inboxName: string): () => void {
  const follow = (): void => {
    const inbox = provider.docs.get(inboxName);
    if (!inbox) return;
    for (const orderId of inboxOrderIds(inbox)) {
      const name = orderDocName(orderId);
      if (!provider.docs.isHeld(name)) void provider.open(name);
    }
  };
  const stop = provider.onDocChange((docName) => {
    if (docName === inboxName) follow();
  });
  void provider.open(inboxName).then(follow);
  return stop;
}
