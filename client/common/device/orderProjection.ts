import { parseDocName } from '../../../shared/docNames';
import type { DabbaDb, OrderRow } from '../store/db';
import { projectOrderRow, writeChangedOrderRows } from '../store/orderRows';
import type { SyncProvider } from '../sync/syncProvider';

/**
 * Keeps the `orders` query table in step with the order documents the provider holds. Rows are
 * written in batches, and only when they differ from what is stored: opening a device that holds
 * thousands of orders re-derives every row, and rewriting identical rows one by one would make
 * every screen reading the table re-run its query thousands of times. `onWritten` hears of the
 * rows once they are stored, so screens can show them without reading them back.
 */
export function projectOrders(
  provider: SyncProvider,
  db: DabbaDb,
  onWritten: (rows: readonly OrderRow[]) => void = () => undefined,
): () => void {
  const pending = new Map<string, OrderRow>();
  let writing: Promise<void> | null = null;
  let stopped = false;

  const drain = async (): Promise<void> => {
    while (pending.size > 0 && !stopped) {
      const batch = [...pending.values()];
      pending.clear();
      try {
        const written = await writeChangedOrderRows(db, batch);
        if (written.length > 0) onWritten(written);
      } catch (error) {
        console.error('dabba: could not update the orders table', error);
      }
    }
    writing = null;
  };

  const stop = provider.onDocChange((docName) => {
    if (parseDocName(docName)?.kind !== 'order') return;
    const doc = provider.docs.get(docName);
    if (!doc) return;
    const row = projectOrderRow(doc, provider.docs.syncState(docName));
    if (!row) return;
    pending.set(row.id, row);
    // While one batch is being written the next collects; an idle device writes at once.
    writing ??= drain();
  });
  return () => {
    stopped = true;
    stop();
  };
}
