import { createHash } from 'node:crypto';
import { z } from 'zod';
import { orderDocName, outletDocName } from '../../shared/docNames';
import { newOrderId, newTrackingToken, OutletIdSchema, type OrderId, type TrackingToken } from '../../shared/ids';
import { readCatalog } from '../../shared/catalog/outletDoc';
import { priceOrder } from '../../shared/catalog/priceOrder';
import { createOrderDoc, readOrder } from '../../shared/order/orderDoc';
import type { OrderHeader } from '../../shared/order/header';
import { ORDER_TYPES } from '../../shared/order/status';
import { AppError, badRequest, notFound } from '../errors';
import type { Db } from '../storage/db';
import type { OrderIndex } from '../storage/orderIndex';
import type { DocRegistry } from '../sync/docRegistry';

const text = (max: number) => z.string().trim().min(1).max(max);

export const placeOrderSchema = z.object({
  outletId: OutletIdSchema,
  type: z.enum(ORDER_TYPES),
  items: z.array(z.object({
    itemId: z.string().max(64),
    qty: z.number(),
    modifiers: z.array(z.object({ groupId: z.string().max(64), optionId: z.string().max(64) })).max(50).optional(),
  })).min(1, 'The order has no items.').max(100),
  customer: z.object({ name: text(100), phone: z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/, 'Enter a phone number.') }),
  address: z.object({ text: text(300), lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).optional(),
  table: text(20).optional(),
  notes: z.string().trim().max(500).optional(),
  payment: z.object({ method: z.literal('cash') }),
});
export type PlaceOrderRequest = z.infer<typeof placeOrderSchema>;

export interface PlacedOrder {
  readonly orderId: OrderId;
  readonly trackingToken: TrackingToken;
  readonly replayed: boolean;
}

export interface PlaceOrderDeps {
  readonly db: Db;
  readonly registry: DocRegistry;
  readonly orders: OrderIndex;
  readonly afterPlaced: (view: NonNullable<ReturnType<typeof readOrder>>) => Promise<void>;
}

const hashRequest = (req: PlaceOrderRequest): string => createHash('sha256').update(JSON.stringify(req)).digest('hex');

/**
 * Prices an order from the outlet's catalog (client prices are never read) and creates its document.
 * The same Idempotency-Key with the same body returns the first order; with another body it is refused.
 */
export async function placeOrder(deps: PlaceOrderDeps, req: PlaceOrderRequest, idempotencyKey: string | null, now = Date.now()): Promise<PlacedOrder> {
  const requestHash = hashRequest(req);
  const replay = (): PlacedOrder | null => {
    if (!idempotencyKey) return null;
    const previous = deps.orders.idempotent(idempotencyKey);
    if (!previous) return null;
    if (previous.requestHash !== requestHash) {
      throw new AppError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different order.');
    }
    const row = deps.orders.get(previous.orderId);
    if (!row) throw new AppError(500, 'internal', 'The order for this Idempotency-Key is missing.');
    return { orderId: row.id, trackingToken: row.trackingToken, replayed: true };
  };
  const earlier = replay();
  if (earlier) return earlier;

  if (req.type === 'dine-in' && !req.table) throw badRequest('table_required', 'A dine-in order needs a table.');

  const catalog = await deps.registry.change(outletDocName(req.outletId), { kind: 'outlet', outletId: req.outletId }, (doc) => readCatalog(doc.ydoc))
    .catch(() => { throw new AppError(503, 'catalog_unavailable', 'The menu could not be loaded; try again shortly.'); });
  if (!catalog) throw notFound('The outlet');
  const priced = priceOrder(catalog, req.items, req.type, now, req.address);
  if (!priced.ok) throw new AppError(422, priced.code, priced.message);

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
    ...(req.table ? { table: req.table } : {}),
    ...(req.notes ? { notes: req.notes } : {}),
    items: priced.lines,
    totals: { subtotal: priced.subtotal, deliveryFee: priced.deliveryFee, total: priced.total },
    payment: req.payment,
    currency: profile.currency,
    createdAt: now,
  };

  const ref = { kind: 'order', orderId } as const;
  const doc = await deps.registry.acquire(orderDocName(orderId), ref);
  try {
    // The await above is the only place another request with this key can slip in.
    const raced = replay();
    if (raced) return raced;
    // Index row and the document's first update commit together, or neither does.
    deps.db.transaction(() => {
      deps.orders.insert({ id: orderId, outletId: req.outletId, driverId: null, trackingToken, status: 'placed', createdAt: now },
        idempotencyKey ? { key: idempotencyKey, requestHash } : null);
      doc.change((y) => createOrderDoc(y, header));
    })();
    const view = readOrder(doc.ydoc);
    if (view) await deps.afterPlaced(view);
  } finally {
    deps.registry.release(doc);
  }
  return { orderId, trackingToken, replayed: false };
}
