import { Hono } from 'hono';
import type { TokenService } from '../auth/tokens';
import type { PricingRefusal } from '../../shared/catalog/priceOrder';
import { badRequest, valueOrThrow, type HttpStatuses } from '../errors';
import type { z } from 'zod';
import { orderRequestSchema, quoteRequestSchema, type PlacedResponse, type quoteResponseSchema } from '../../shared/api/orders';
import { authorizeSource, type SourceRefusal } from '../orders/orderSource';
import { placeOrder, type PlaceOrderDeps, type PlaceRefusal } from '../orders/placeOrder';
import { loadCatalog } from '../catalog/loadCatalog';
import { quoteOrder } from '../orders/quoteOrder';
import { bearerActor } from './bearer';
import { BODY_LIMITS, limitBody } from './bodyLimit';
import { clientAddress } from './clientAddress';
import type { LimiterStore } from '../limits/limiterStore';
import { RateLimiter } from '../limits/rateLimit';
import { jsonBody } from './validate';

const KEY_PATTERN = /^[A-Za-z0-9_:.-]{8,128}$/;
/** A cart is re-priced as it changes; quotes get this many times the order budget. */
const QUOTES_PER_ORDER = 5;

/** Every pricing refusal is the order's content: 422, like a reused Idempotency-Key. */
const PRICING_STATUSES: HttpStatuses<PricingRefusal> = {
  unknown_item: 422,
  item_unavailable: 422,
  invalid_modifiers: 422,
  bad_quantity: 422,
  below_minimum: 422,
  empty_cart: 422,
  outlet_closed: 422,
  outlet_paused: 422,
  order_type_unavailable: 422,
  address_required: 422,
  outside_zone: 422,
  above_maximum: 422,
};

/** How this module answers the order services' refusals. */
const ORDER_STATUSES: HttpStatuses<PlaceRefusal | SourceRefusal> = {
  ...PRICING_STATUSES,
  idempotency_key_reused: 422,
  table_required: 400,
  invalid_phone: 422,
  unknown_table: 422,
  card_unavailable: 422,
  payment_provider_failed: 502,
  unauthorized: 401,
  forbidden: 403,
};

export interface OrderRouteDeps extends PlaceOrderDeps {
  readonly tokens: TokenService;
}

/**
 * `POST /` places an order, `POST /quote` prices one without placing it.
 * `perMinute`: orders one client address may place per minute (a flood guard, not a business rule);
 * signed-in staff entering phone orders are accountable by their token and not counted. `counts`: where
 * both budgets are counted (shared by every node with Redis).
 */
export function orderRoutes(deps: OrderRouteDeps, perMinute: number, counts: LimiterStore): Hono {
  const perClient = new RateLimiter(counts, 'orders', perMinute, 60_000);
  const quotesPerClient = new RateLimiter(counts, 'quotes', perMinute * QUOTES_PER_ORDER, 60_000);
  return new Hono()
    .post('/quote', limitBody(BODY_LIMITS.order), async (c) => {
      await quotesPerClient.hit(clientAddress(c));
      const actor = await bearerActor(c, deps.tokens);
      const body = await jsonBody(c, quoteRequestSchema);
      const { staff } = valueOrThrow(authorizeSource(actor, body), ORDER_STATUSES);
      const quote = valueOrThrow(quoteOrder(await loadCatalog(deps.registry, body.outletId), body, Date.now(), staff), ORDER_STATUSES);
      c.header('Cache-Control', 'no-store');
      return c.json(quote satisfies z.input<typeof quoteResponseSchema>);
    })
    .post('/', limitBody(BODY_LIMITS.order), async (c) => {
      const actor = await bearerActor(c, deps.tokens);
      if (actor?.role !== 'outlet' && actor?.role !== 'admin') await perClient.hit(clientAddress(c));
      const idempotencyKey = c.req.header('Idempotency-Key') ?? null;
      if (idempotencyKey !== null && !KEY_PATTERN.test(idempotencyKey))
        throw badRequest('invalid_idempotency_key', 'Idempotency-Key must be 8–128 letters, digits or _:.-');
      const body = await jsonBody(c, orderRequestSchema);
      const { source, staff, takenBy } = valueOrThrow(authorizeSource(actor, body), ORDER_STATUSES);
      const trackingUrl = (token: string): string => new URL(`/track/${token}`, c.req.url).href;
      const placed = valueOrThrow(await placeOrder(deps, body, { idempotencyKey, source, staff, takenBy, trackingUrl }), ORDER_STATUSES);
      if (placed.replayed) c.header('Idempotent-Replayed', 'true');
      const answer: PlacedResponse = {
        orderId: placed.orderId,
        trackingUrl: trackingUrl(placed.trackingToken),
        ...(placed.paymentUrl ? { paymentUrl: placed.paymentUrl } : {}),
      };
      return c.json(answer, 201);
    });
}
