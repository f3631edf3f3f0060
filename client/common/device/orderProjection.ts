import { parseDocName } from '../../../shared/docNames';
import type { DabbaDb } from '../store/db';
import { projectOrderRow, putOrderRow } from '../store/orderRows';
import type { SyncProvider } from '../sync/syncProvider';

/** Keeps the `orders` query table in step with the order documents the provider holds. */
export function projectOrders(provider: SyncProvider, db: DabbaDb): () => void {
  return provider.onDocChange((docName) => {
    if (parseDocName(docName)?.kind !== 'order') return;
    const doc = provider.docs.get(docName);
    if (!doc) return;
    const row = projectOrderRow(doc, provider.docs.syncState(docName));
    if (row) putOrderRow(db, row).catch((error: unknown) => console.error('dabba: could not update the orders table', error));
  });
}
