import type { OrderId } from '../../shared/ids';
import type { OutletWaiting } from '../../shared/track';

/**
 * What the outlet watch currently says about orders waiting for their restaurant, read by the
 * tracking projection. A change re-projects the order's tracking page (`changed`).
 */
export class OutletNotices {
  private readonly byOrder = new Map<OrderId, OutletWaiting>();
  private listener: (orderId: OrderId) => void = () => undefined;

  /** Called with an order whose notice changed; set once, by whoever writes tracking projections. */
  onChange(listener: (orderId: OrderId) => void): void {
    this.listener = listener;
  }

  of(orderId: OrderId): OutletWaiting | null {
    return this.byOrder.get(orderId) ?? null;
  }

  /** Forgets orders no longer waiting (their status moved on, and tracking shows a notice only while placed). */
  retain(waiting: ReadonlySet<OrderId>): void {
    for (const id of [...this.byOrder.keys()]) if (!waiting.has(id)) this.byOrder.delete(id);
  }

  set(orderId: OrderId, waiting: OutletWaiting | null): void {
    if (this.of(orderId) === waiting) return;
    if (waiting === null) this.byOrder.delete(orderId);
    else this.byOrder.set(orderId, waiting);
    this.listener(orderId);
  }
}
