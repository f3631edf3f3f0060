import * as Y from 'yjs';
import { orderDocName } from '../../shared/docNames';
import type { OrderId } from '../../shared/ids';
import { readOrder, type OrderView } from '../../shared/order/orderDoc';
import { orderTimings } from '../../shared/order/orderTimings';
import type { Logger } from '../log';
import type { DocStore } from '../storage/docStore';
import type { OrderTimingsIndex } from '../storage/orderTimingsIndex';

/** The order as storage holds it, read into a throwaway Y.Doc (never the registry: thousands would stay loaded for DABBA_DOC_IDLE_MS). */
function storedOrder(store: DocStore, id: OrderId): OrderView | null {
  const stored = store.load(orderDocName(id));
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
 * under an older derivation), at start, in the background. Each order is read and written in one
 * synchronous step, so a commit to it can never interleave and be overwritten with older timings;
 * the event loop gets a turn between batches. Stops when `signal` aborts (the server is closing).
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
    const ids = timings.stale(batch);
    if (ids.length === 0) break;
    for (const id of ids) {
      const view = storedOrder(store, id);
      if (view) timings.write(id, orderTimings(view));
      else timings.markUnreadable(id);
    }
    done += ids.length;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (done > 0) log.info('wrote the timings of orders indexed before they were kept', { orders: done });
  return done;
}
