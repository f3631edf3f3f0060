import { parseDocName } from '../../../../shared/docNames';
import type { OrderId } from '../../../../shared/ids';
import { readOrder, type OrderView } from '../../../../shared/order/orderDoc';
import type { Device } from '../../../common/device/device';
import type { DocSyncState } from '../../../common/store/db';

/** An order the admin's device holds, as its document says now. */
export interface HeldOrder extends OrderView {
  readonly id: OrderId;
  /** Whether changes made on this device have reached the server. */
  readonly syncState: DocSyncState;
}

export type OrderBookHost = Pick<Device, 'onDocChange' | 'heldDoc' | 'docSyncState' | 'subscribe' | 'getSnapshot'>;

/** Documents load in batches after a start: screens hear once per burst, not once per order. */
const NOTIFY_AFTER_MS = 30;

/**
 * Every order the admin's device holds (inbox:admin lists the day's orders across outlets), each read
 * from its document when that document changes: straight from memory, so the whole operation shows
 * within moments of a change and with no network, from what the device stored.
 */
export class OrderBook {
  private readonly byId = new Map<OrderId, HeldOrder>();
  private list: readonly HeldOrder[] = [];
  private listStale = false;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private userId: string | null;

  private constructor(private readonly host: OrderBookHost) {
    this.userId = host.getSnapshot().session?.user.id ?? null;
  }

  static follow(host: OrderBookHost): OrderBook {
    const book = new OrderBook(host);
    host.onDocChange((docName) => book.docChanged(docName));
    // Another user's orders are not this one's: a sign-out or new sign-in starts the book afresh.
    host.subscribe(() => book.sessionChanged());
    return book;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Every held order; the same array until something changes. */
  readonly getSnapshot = (): readonly HeldOrder[] => {
    if (this.listStale) {
      this.list = [...this.byId.values()];
      this.listStale = false;
    }
    return this.list;
  };

  get(orderId: OrderId): HeldOrder | undefined {
    return this.byId.get(orderId);
  }

  private docChanged(docName: string): void {
    const ref = parseDocName(docName);
    if (ref?.kind !== 'order') return;
    const doc = this.host.heldDoc(docName);
    const view = doc ? readOrder(doc) : null;
    if (!view) return;
    this.byId.set(ref.orderId, { ...view, id: ref.orderId, syncState: this.host.docSyncState(docName) });
    this.changed();
  }

  private sessionChanged(): void {
    const userId = this.host.getSnapshot().session?.user.id ?? null;
    if (userId === this.userId) return;
    this.userId = userId;
    this.byId.clear();
    this.changed();
  }

  private changed(): void {
    this.listStale = true;
    this.timer ??= setTimeout(() => {
      this.timer = null;
      for (const listener of this.listeners) listener();
    }, NOTIFY_AFTER_MS);
  }
}
