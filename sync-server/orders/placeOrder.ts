import { createHash } from 'node:crypto';
import { newOrderId, newTrackingToken, type OrderId, type TrackingToken } from '../../shared/ids';
import { createOrderDoc, type OrderView } from '../../shared/order/orderDoc';
import type { OrderHeader, OrderSource } from '../../shared/order/header';
import type { PricingRefusal } from '../../shared/catalog/priceOrder';
import { fail, ok, type Result } from '../../shared/result';
import { OrderIndex } from '../storage/orderIndex';
import type { DocRegistry } from '../sync/docRegistry';
import type { OrderRequest } from '../../shared/api/orders';
import { loadCatalog } from '../catalog/loadCatalog';
import { priceRequest } from './priceRequest';

export interface PlacedOrder {
  readonly orderId: OrderId;
  readonly trackingToken: TrackingToken;
  readonly replayed: boolean;
}

/** Why an order is not placed: its pricing, a dine-in without a table, or a key reused for another body. */
export type PlaceRefusal = PricingRefusal | 'table_required' | 'idempotency_key_reused';

export interface PlaceOrderDeps {
  readonly registry: DocRegistry;
  readonly orders: OrderIndex;
  readonly afterPlaced: (view: OrderView) => Promise<void>;
}

export interface PlaceOptions {
  readonly idempotencyKey: string | null;
  /** Already authorized (orderSource.ts): 'phone' with `staff` set waives opening hours and a pause. */
  readonly source: OrderSource;
  readonly staff: boolean;
}

const hashRequest = (req: OrderRequest): string => createHash('sha256').update(JSON.stringify(req)).digest('hex');

/**
 * Prices an order from the outlet's catalog (client prices are never read) and creates its document.
 * The same Idempotency-Key with the same body returns the first order; with another body it is refused.
 */
export async function placeOrder(
  deps: PlaceOrderDeps,
  req: OrderRequest,
  options: PlaceOptions,
  now = Date.now(),
): Promise<Result<PlacedOrder, PlaceRefusal>> {
  const { idempotencyKey, source, staff } = options;
  const requestHash = hashRequest(req);
  const replay = async (): Promise<Result<PlacedOrder, 'idempotency_key_reused'> | null> => {
    if (!idempotencyKey) return null;
    const previous = await deps.orders.idempotent(idempotencyKey);
    if (!previous) return null;
    if (previous.requestHash !== requestHash) {
      return fail('idempotency_key_reused', 'This Idempotency-Key was already used for a different order.');
    }
    const row = await deps.orders.get(previous.orderId);
    // The key and its order row are written in one transaction: one without the other is a broken store.
    if (!row) throw new Error(`The order ${previous.orderId} for an Idempotency-Key is missing from the index.`);
    return ok({ orderId: row.id, trackingToken: row.trackingToken, replayed: true });
  };
  const earlier = await replay();
  if (earlier) return earlier;

  if (req.type === 'dine-in' && !req.table) return fail('table_required', 'A dine-in order needs a table.');

  const catalog = await loadCatalog(deps.registry, req.outletId);
  const pricing = priceRequest(catalog, req, now, staff);
  if (!pricing.ok) return pricing;
  const priced = pricing.value;

  const orderId = newOrderId();
  const trackingToken = newTrackingToken();
  const { profile } = catalog;
  const header: OrderHeader = {
    id: orderId,
    outletId: req.outletId,
    outlet: { name: profile.name, phone: profile.phone, address: profile.address, lat: profile.lat, lng: profile.lng },
    type: req.type,
    customer: req.customer,
    ...(req.address ? { address: req.address } : {}),
    ...(priced.zone ? { deliveryZone: priced.zone.name } : {}),
    ...(req.table ? { table: req.table } : {}),
    ...(req.notes ? { notes: req.notes } : {}),
    items: priced.lines,
    totals: { subtotal: priced.subtotal, deliveryFee: priced.deliveryFee, total: priced.total },
    payment: req.payment,
    currency: profile.currency,
    createdAt: now,
    source,
    // A device clock ahead of the server must not lose a caller's order; it cannot have been typed after it arrived.
    ...(source === 'phone' && req.enteredAt !== undefined ? { enteredAt: Math.min(req.enteredAt, now) } : {}),
  };

  const ref = { kind: 'order', orderId } as const;
  const doc = await deps.registry.acquire(ref);
  try {
    const row = {
      id: orderId,
      outletId: req.outletId,
      driverId: null,
      trackingToken,
      status: 'placed',
      createdAt: now,
      type: req.type,
      source,
      customerName: req.customer.name,
      customerPhone: req.customer.phone,
      total: priced.total,
      currency: profile.currency,
    } as const;
    // Index row, idempotency key and the document's first update commit together, or none does.
    try {
      await doc.change(
        (y) => createOrderDoc(y, header),
        (trx) => new OrderIndex(trx).insert(row, idempotencyKey ? { key: idempotencyKey, requestHash } : null),
      );
    } catch (err: unknown) {
      // Another request with this key committed while this one was being priced: answer with its order.
      const raced = await replay();
      if (raced) return raced;
      throw err;
    }
    const view = doc.orderView();
    if (view) await deps.afterPlaced(view);
  } finally {
    deps.registry.release(doc);
  }
  return ok({ orderId, trackingToken, replayed: false });
}
