import * as Y from 'yjs';
import { orderDocName } from '../../shared/docNames';
import type { OrderId } from '../../shared/ids';
import { readOrder, type OrderView } from '../../shared/order/orderDoc';
import { orderTimings } from '../../shared/order/orderTimings';
import type { Logger } from '../log';
import type { DocStore } from '../storage/docStore';
import type { OrderTimingsIndex } from '../storage/orderTimingsIndex';

/** The order as storage holds it, read into a throwaway Y.Doc (never the registry: thousands would stay loaded for DABBA_DOC_IDLE_MS). */
async function storedOrder(store: DocStore, id: OrderId): Promise<OrderView | null> {
  const stored = await store.load(orderDocName(id));
  const doc = new Y.Doc({ gc: true });
  try {
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
    });
    return readOrder(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * Writes the timings of orders the projection never saw (placed before the timing columns existed, or
 * under an older derivation), at start, in the background. A write only lands while the order is still
 * stale, so timings the projection wrote meanwhile (from a newer state) are never overwritten with older
 * ones. Stops when `signal` aborts (the server is closing).
 */
export async function backfillOrderTimings(
  timings: OrderTimingsIndex,
  store: DocStore,
  log: Logger,
  signal: AbortSignal,
  batch = 100,
): Promise<number> {
  let done = 0;
  while (!signal.aborted) {
    const ids = await timings.stale(batch);
    if (ids.length === 0) break;
    for (const id of ids) {
      const view = await storedOrder(store, id);
      if (view) await timings.writeIfStale(id, orderTimings(view));
      else await timings.markUnreadable(id);
    }
    done += ids.length;
    // SQLite's queries settle without yielding to I/O: give sockets a turn between batches.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (done > 0) log.info('wrote the timings of orders indexed before they were kept', { orders: done });
  return done;
}
