import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { OrderBook } from '../../../../../../client/admin/model/orders/orderBook';
import { ADMIN_INBOX } from '../../../../../../shared/docNames';
import type { UserId } from '../../../../../../shared/ids';
import { appendEvent } from '../../../../../../shared/order/orderDoc';
import { event, OUTLET } from '../../../../shared/order/fixtures';
import { ORDER_DOC, ORDER_ID, placedOrderDoc } from '../../../support/orderDocs';
import { ADMIN_SESSION, FakeAdminHost } from '../../support/adminHost';

/** The book after its listeners heard of the last burst of changes. */
async function settled(book: OrderBook): Promise<void> {
  await new Promise<void>((resolve) => {
    const stop = book.subscribe(() => {
      stop();
      resolve();
    });
  });
}

describe('OrderBook', () => {
  it('holds each order document as it arrives and re-reads it when it changes, with its sync state', async () => {
    const host = new FakeAdminHost();
    host.set({ session: ADMIN_SESSION });
    const book = OrderBook.follow(host);
    const doc = placedOrderDoc('delivery');
    host.put(ORDER_DOC, doc);
    await settled(book);
    expect(book.getSnapshot().map((o) => [o.id, o.state.status, o.syncState])).toEqual([[ORDER_ID, 'placed', 'synced']]);

    appendEvent(doc, event('accepted', 1_000, OUTLET, { prepMinutes: 10 }));
    host.put(ORDER_DOC, doc, 'local');
    await settled(book);
    expect(book.get(ORDER_ID)?.state.status).toBe('accepted');
    expect(book.get(ORDER_ID)?.syncState).toBe('local');
  });

  it('tells its screens once for a burst of documents, and keeps the same list while nothing changes', async () => {
    vi.useFakeTimers();
    try {
      const host = new FakeAdminHost();
      const book = OrderBook.follow(host);
      const heard = vi.fn();
      book.subscribe(heard);
      host.put(ORDER_DOC, placedOrderDoc());
      host.put(ORDER_DOC, placedOrderDoc());
      await vi.runAllTimersAsync();
      expect(heard).toHaveBeenCalledTimes(1);
      expect(book.getSnapshot()).toBe(book.getSnapshot());
    } finally {
      vi.useRealTimers();
    }
  });

  it('ignores documents that are not orders and orders whose header has not arrived', () => {
    const host = new FakeAdminHost();
    const book = OrderBook.follow(host);
    host.put(ADMIN_INBOX, new Y.Doc());
    host.put(ORDER_DOC, new Y.Doc());
    expect(book.getSnapshot()).toEqual([]);
  });

  it('starts afresh when another user signs in on the device', async () => {
    const host = new FakeAdminHost();
    host.set({ session: ADMIN_SESSION });
    const book = OrderBook.follow(host);
    host.put(ORDER_DOC, placedOrderDoc());
    await settled(book);
    host.set({ session: { token: 't2', user: { id: 'admin-2' as UserId, role: 'admin' } } });
    await settled(book);
    expect(book.getSnapshot()).toEqual([]);
  });
});
