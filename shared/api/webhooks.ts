import { z } from 'zod';
import { EventIdSchema, ID_PATTERN, OrderIdSchema, OutletIdSchema, UserIdSchema } from '../ids';
import { EVENT_TYPES, type EventType } from '../order/events';
import type { PaymentEventType } from '../order/transitions';

/** The header a delivery's event id travels in: the same for every retry and replay of one event. */
export const EVENT_ID_HEADER = 'Dabba-Event-Id';
/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed with the webhook's secret>`; for a while after a
 * rotation a second `v1=` keyed with the previous secret follows (a receiver accepts any one that matches).
 */
export const SIGNATURE_HEADER = 'Dabba-Signature';

/**
 * The name receivers know an order event by: `payment.pending|paid|failed|refunded` for the payment
 * events (what payment integrations look for, under one prefix), `order.<type>` for every other type
 * (`order.placed` is the order's creation). Each event goes out once, under its one name.
 */
const PAYMENT_EVENT_NAMES = {
  payment_pending: 'payment.pending',
  paid: 'payment.paid',
  payment_failed: 'payment.failed',
  refunded: 'payment.refunded',
} as const satisfies { readonly [T in PaymentEventType]: `payment.${string}` };
type PaymentEventName = (typeof PAYMENT_EVENT_NAMES)[PaymentEventType];
export type OrderEventName = `order.${Exclude<EventType, PaymentEventType>}` | PaymentEventName;
const isPaymentEvent = (type: EventType): type is PaymentEventType => type in PAYMENT_EVENT_NAMES;
export const eventNameOf = (type: EventType): OrderEventName => (isPaymentEvent(type) ? PAYMENT_EVENT_NAMES[type] : `order.${type}`);
export const ORDER_EVENT_NAMES: readonly OrderEventName[] = EVENT_TYPES.map(eventNameOf);

/** What a webhook may subscribe to: named event types, or `*` for every one, including types added later. */
export const ALL_EVENTS = '*';
export const webhookEventFilterSchema = z.enum([ALL_EVENTS, ...ORDER_EVENT_NAMES]);
export type WebhookEventFilter = z.infer<typeof webhookEventFilterSchema>;

/** Where a webhook lives: an absolute http(s) URL without credentials in it. */
export const webhookUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an absolute http:// or https:// URL' })
  .max(2000)
  .refine((url) => {
    const parsed = new URL(url);
    return parsed.username === '' && parsed.password === '';
  }, 'must not carry a user name or password');

/** `POST /api/admin/webhooks`. */
export const newWebhookSchema = z
  .object({
    url: webhookUrlSchema,
    events: z
      .array(webhookEventFilterSchema)
      .min(1)
      .max(ORDER_EVENT_NAMES.length + 1),
  })
  .strict();
export type NewWebhook = z.infer<typeof newWebhookSchema>;

export const WebhookIdSchema = z.string().regex(ID_PATTERN).brand<'WebhookId'>();
export type WebhookId = z.infer<typeof WebhookIdSchema>;

/** `201` of a registration: the secret is shown this once and never again. */
export const webhookCreatedSchema = z.object({ id: WebhookIdSchema, secret: z.string() });
export type WebhookCreated = z.infer<typeof webhookCreatedSchema>;

/** `200` of `POST /api/admin/webhooks/<id>/rotate-secret`: the new secret, shown this once. */
export const webhookSecretRotatedSchema = webhookCreatedSchema;
export type WebhookSecretRotated = WebhookCreated;

/** One webhook as `GET /api/admin/webhooks` lists it: never its secret. */
export const webhookSchema = z.object({
  id: WebhookIdSchema,
  url: z.string(),
  events: z.array(webhookEventFilterSchema),
  /** Server epoch ms. */
  createdAt: z.number(),
  /** Server epoch ms until which deliveries are signed with the secret before the last rotation too; null if never rotated. */
  previousSecretUntil: z.number().nullable(),
});
export type Webhook = z.infer<typeof webhookSchema>;

/** A webhook as listed, with what needs a look: deliveries still retrying after a failure, and dead letters. */
export const listedWebhookSchema = webhookSchema.extend({
  /** Pending deliveries whose last attempt failed (retrying). */
  failing: z.number().int(),
  /** Dead-lettered deliveries (replayable until retention removes them). */
  dead: z.number().int(),
});
export type ListedWebhook = z.infer<typeof listedWebhookSchema>;
export const webhookListSchema = z.object({ webhooks: z.array(listedWebhookSchema) });
export type WebhookList = z.infer<typeof webhookListSchema>;

export const DELIVERY_STATUSES = ['pending', 'delivered', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One event's delivery to one webhook. */
export const webhookDeliverySchema = z.object({
  eventId: EventIdSchema,
  type: z.string(),
  orderId: OrderIdSchema,
  status: z.enum(DELIVERY_STATUSES),
  /** POSTs made so far (a replay starts again from 0). */
  attempts: z.number().int(),
  /** The receiver's last HTTP status; null when it never answered. */
  lastStatus: z.number().int().nullable(),
  /** Why the last attempt failed, null once delivered. */
  lastError: z.string().nullable(),
  /** Server epoch ms of the next attempt while pending, else null. */
  nextAttemptAt: z.number().nullable(),
  deliveredAt: z.number().nullable(),
  createdAt: z.number(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

/** `GET /api/admin/webhooks/<id>/deliveries?status=&limit=`: newest event first. */
export const deliveriesQuerySchema = z.object({
  status: z.enum(DELIVERY_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const webhookDeliveriesSchema = z.object({ deliveries: z.array(webhookDeliverySchema) });
export type WebhookDeliveries = z.infer<typeof webhookDeliveriesSchema>;

/**
 * The body of every delivery (and of every Redis Stream entry's `event` field). `sequence` increases with
 * every event the server commits, so per order it is the commit order; `occurredAt` is the author's device
 * time, `committedAt` the server's. `data` is the order event's own fields besides id, type and time (e.g.
 * `prepMinutes` of `accepted`, `driverId` of `assigned`) and its author `by`; never the customer's details.
 */
export const webhookEventSchema = z.object({
  id: EventIdSchema,
  type: z.string(),
  sequence: z.number().int(),
  orderId: OrderIdSchema,
  outletId: OutletIdSchema.nullable(),
  occurredAt: z.number(),
  committedAt: z.number(),
  data: z.object({ by: z.object({ id: UserIdSchema, role: z.string() }) }).catchall(z.unknown()),
});
export type WebhookEvent = z.infer<typeof webhookEventSchema>;
