import { createHash, randomBytes, randomInt } from 'node:crypto';
import { DELIVERY_CODE_DIGITS, deliveryCodeCheck } from '../../shared/order/deliveryCode';
import { newEventId, newOrderId, newTrackingToken, type OrderId, type TrackingToken } from '../../shared/ids';
import type { EventOf } from '../../shared/order/events';
import type { Actor } from '../../shared/roles';
import { appendEvent, createOrderDoc, type OrderView } from '../../shared/order/orderDoc';
import type { Logger } from '../log';
import { CHECKOUT_LIFETIME_MS, openCheckout, paymentPendingEvent } from '../payments/cardCheckout';
import type { PaymentProvider } from '../payments/paymentProvider';
import type { OrderHeader, OrderSource } from '../../shared/order/header';
import { fail, ok, type Result } from '../../shared/result';
import { OrderIndex } from '../storage/orderIndex';
import type { DocRegistry } from '../sync/docRegistry';
import type { OrderRequest } from '../../shared/api/orders';
import { loadCatalog } from '../catalog/loadCatalog';
import { priceRequest, type RequestRefusal } from './priceRequest';
import { readOrderView } from './orderDocs';

export interface PlacedOrder {
  readonly orderId: OrderId;
  readonly trackingToken: TrackingToken;
  readonly replayed: boolean;
  /** Card orders: the provider's page the customer pays on; the order waits for its webhook. */
  readonly paymentUrl?: string;
}

/**
 * Why an order is not placed: its pricing or details (phone, table), a key reused for another body, card
 * asked for where no provider is configured, or the provider failing to open a checkout.
 */
export type PlaceRefusal = RequestRefusal | 'idempotency_key_reused' | 'card_unavailable' | 'payment_provider_failed';

export interface PlaceOrderDeps {
  readonly registry: DocRegistry;
  readonly orders: OrderIndex;
  readonly afterPlaced: (view: OrderView) => Promise<void>;
  /** The card payment provider; null: cash only. */
  readonly payments: PaymentProvider | null;
  readonly log: Logger;
}

export interface PlaceOptions {
  readonly idempotencyKey: string | null;
  /** Already authorized (orderSource.ts): 'phone' with `staff` set waives opening hours and a pause. */
  readonly source: OrderSource;
  readonly staff: boolean;
  /** Phone orders: who took the call. With the request's prepMinutes the order arrives accepted by them. */
  readonly takenBy?: Actor | null;
  /** The tracking link of a token, absolute: where a card payment returns the customer. */
  readonly trackingUrl: (token: TrackingToken) => string;
}

/** A uniformly random code of DELIVERY_CODE_DIGITS digits, leading zeros kept. */
const newDeliveryCode = (): string => String(randomInt(0, 10 ** DELIVERY_CODE_DIGITS)).padStart(DELIVERY_CODE_DIGITS, '0');

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
  const payments = deps.payments;
  if (req.payment.method === 'card' && !payments) return fail('card_unavailable', 'Card payment is not offered here; choose cash.');
  const requestHash = hashRequest(req);
  const replay = async (): Promise<Result<PlacedOrder, 'idempotency_key_reused' | 'payment_provider_failed'> | null> => {
    if (!idempotencyKey) return null;
    const previous = await deps.orders.idempotent(idempotencyKey);
    if (!previous) return null;
    if (previous.requestHash !== requestHash) {
      return fail('idempotency_key_reused', 'This Idempotency-Key was already used for a different order.');
    }
    const row = await deps.orders.get(previous.orderId);
    // The key and its order row are written in one transaction: one without the other is a broken store.
    if (!row) throw new Error(`The order ${previous.orderId} for an Idempotency-Key is missing from the index.`);
    const reopened = payments ? await reopenCheckout(deps, payments, row.id, options.trackingUrl(row.trackingToken)) : null;
    if (reopened && !reopened.ok) return reopened;
    return ok({ orderId: row.id, trackingToken: row.trackingToken, replayed: true, ...(reopened ? { paymentUrl: reopened.value } : {}) });
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const catalog = await loadCatalog(deps.registry, req.outletId);
  const pricing = priceRequest(catalog, req, now, staff, true);
  if (!pricing.ok) return pricing;
  const priced = pricing.value;

  const orderId = newOrderId();
  const trackingToken = newTrackingToken();
  const { profile } = catalog;
  // Delivery orders only: the customer reads it out at the door; the document gets its salted hash.
  const deliveryCode = req.type === 'delivery' ? newDeliveryCode() : null;
  const header: OrderHeader = {
    id: orderId,
    outletId: req.outletId,
    outlet: { name: profile.name, phone: profile.phone, address: profile.address, lat: profile.lat, lng: profile.lng },
    type: req.type,
    customer: req.customer,
    ...(req.address ? { address: req.address } : {}),
    ...(priced.zone ? { deliveryZone: priced.zone.name } : {}),
    ...(priced.table ? { table: priced.table } : {}),
    ...(req.notes ? { notes: req.notes } : {}),
    items: priced.lines,
    totals: {
      subtotal: priced.subtotal,
      deliveryFee: priced.deliveryFee,
      ...(priced.taxes.length > 0 ? { taxes: priced.taxes } : {}),
      total: priced.total,
    },
    payment: req.payment,
    currency: profile.currency,
    createdAt: now,
    source,
    // A device clock ahead of the server must not lose a caller's order; it cannot have been typed after it arrived.
    ...(source === 'phone' && req.enteredAt !== undefined ? { enteredAt: Math.min(req.enteredAt, now) } : {}),
    ...(deliveryCode ? { deliveryCode: deliveryCodeCheck(orderId, deliveryCode, randomBytes(16).toString('hex')) } : {}),
  };

  // The checkout opens before the order exists, so an order never waits for a checkout that was not opened.
  // If the commit below fails, the checkout lapses unpaid and its webhook finds no order to change.
  const checkout =
    payments && req.payment.method === 'card'
      ? await openCheckout(payments, header, options.trackingUrl(trackingToken), now + CHECKOUT_LIFETIME_MS, deps.log)
      : null;
  if (checkout && !checkout.ok) return checkout;
  const pending = payments && checkout ? paymentPendingEvent(payments, header, checkout.value) : null;
  // Staff who typed in a call have accepted it: it must not ring on their tablets as one to accept.
  const accepted =
    !pending && options.takenBy && req.prepMinutes !== undefined ? acceptedByCaller(options.takenBy, req.prepMinutes, header) : null;

  const ref = { kind: 'order', orderId } as const;
  const doc = await deps.registry.acquire(ref);
  try {
    const row = {
      id: orderId,
      outletId: req.outletId,
      driverId: null,
      trackingToken,
      status: pending ? 'awaiting_payment' : 'placed',
      createdAt: now,
      type: req.type,
      source,
      customerName: req.customer.name,
      customerPhone: req.customer.phone,
      total: priced.total,
      tax: priced.taxes.reduce((sum, t) => sum + t.amount, 0),
      currency: profile.currency,
      deliveryCode,
    } as const;
    // Index row, idempotency key and the document's first update commit together, or none does.
    try {
      await doc.change(
        (y) => {
          createOrderDoc(y, header);
          if (pending) appendEvent(y, pending);
          if (accepted) appendEvent(y, accepted);
        },
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
  return ok({ orderId, trackingToken, replayed: false, ...(checkout ? { paymentUrl: checkout.value.redirectUrl } : {}) });
}

/**
 * The `accepted` of a phone order, by whoever took the call, as it is placed: prep counts from when the
 * kitchen has it (an entry queued offline reaches it only now), and time-to-accept is nil, not negative.
 * One millisecond after `placed`: events fold in (at, id) order, and at the same instant a random id
 * would put it before the placement half the time, where it would mean nothing.
 */
function acceptedByCaller(takenBy: Actor, prepMinutes: number, header: OrderHeader): EventOf<'accepted'> {
  return { id: newEventId(), type: 'accepted', at: header.createdAt + 1, by: { id: takenBy.id, role: takenBy.role }, prepMinutes };
}

/**
 * A repeated card order (same Idempotency-Key) still waiting for its payment: the same checkout again,
 * asked for with the first request's key and expiry so the provider answers with the one it opened. Null
 * once the order no longer waits (paid, or given up): there is nothing to pay.
 */
async function reopenCheckout(
  deps: PlaceOrderDeps,
  payments: PaymentProvider,
  orderId: OrderId,
  returnUrl: string,
): Promise<Result<string, 'payment_provider_failed'> | null> {
  const view = await readOrderView(deps.registry, orderId);
  if (view?.state.status !== 'awaiting_payment') return null;
  const pending = view.state.applied.find((e) => e.type === 'payment_pending');
  if (!pending) return null;
  const checkout = await openCheckout(payments, view.header, returnUrl, pending.expiresAt, deps.log);
  return checkout.ok ? ok(checkout.value.redirectUrl) : checkout;
}
