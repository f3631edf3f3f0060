import { z } from 'zod';
import { taxLineSchema } from '../catalog/taxes';
import { OrderIdSchema, OutletIdSchema } from '../ids';
import { PAYMENT_METHODS } from '../order/events';
import { ORDER_SOURCES } from '../order/header';
import { ORDER_TYPES } from '../order/status';
import { phoneSchema } from './phone';

/** The limits of `POST /api/orders` and `POST /api/orders/quote`, written once for the server and its clients. */
export const text = (max: number) => z.string().trim().min(1).max(max);

export const modifierChoicesSchema = z
  .array(z.object({ groupId: z.string().max(64), optionId: z.string().max(64) }))
  .max(50)
  .readonly();
export const MAX_ORDER_ITEMS = 100;
export const addressSchema = z.object({ text: text(300), lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });
export const customerSchema = (phoneMessage?: string) => z.object({ name: text(100), phone: phoneSchema(phoneMessage) });

/** The fields every order body has; a caller narrows or adds to them (the quote, the phone order). */
export const orderFields = {
  outletId: OutletIdSchema,
  type: z.enum(ORDER_TYPES),
  items: z
    .array(
      z.object({
        itemId: z.string().max(64),
        // Any number: whole numbers from 1 to 99 are a pricing rule, refused as bad_quantity with the item's name.
        qty: z.number(),
        modifiers: modifierChoicesSchema.optional(),
      }),
    )
    .min(1, 'The order has no items.')
    .max(MAX_ORDER_ITEMS),
  customer: customerSchema(),
  address: addressSchema.optional(),
  table: text(20).optional(),
  notes: z.string().trim().max(500).optional(),
  /** 'card' only where the server has a payment provider configured (GET /api/payments/config). */
  payment: z.object({ method: z.enum(PAYMENT_METHODS) }),
  /** 'phone': staff entering an order for a caller; needs an outlet or admin bearer token. */
  source: z.enum(ORDER_SOURCES).optional(),
  /** Phone orders: the device time staff entered it (epoch ms). */
  enteredAt: z.number().int().min(0).optional(),
  /** Phone orders: staff took it on the phone, so it arrives accepted with this prep time (minutes). */
  prepMinutes: z.number().int().min(1).max(240).optional(),
};

type PhoneOnlyField = 'enteredAt' | 'prepMinutes';

/** `enteredAt` and `prepMinutes` describe staff taking a call: refused, at the field, on any other order. */
function onlyByPhone(
  req: { source?: string | undefined; enteredAt?: number | undefined; prepMinutes?: number | undefined },
  ctx: z.RefinementCtx,
): void {
  if (req.source === 'phone') return;
  for (const field of ['enteredAt', 'prepMinutes'] as const satisfies readonly PhoneOnlyField[])
    if (req[field] !== undefined)
      ctx.addIssue({ code: 'custom', message: `${field} is only for phone orders (source: "phone").`, path: [field] });
}

/** The body of `POST /api/orders`. Prices are never sent: the server prices the order. */
export const orderRequestSchema = z.object(orderFields).superRefine(onlyByPhone);
export type OrderRequest = z.infer<typeof orderRequestSchema>;

/** The body of `POST /api/orders/quote`: the same, with the customer optional (a price comes before the name). */
export const quoteRequestSchema = z.object({ ...orderFields, customer: customerSchema().optional() }).superRefine(onlyByPhone);
export type QuoteRequest = z.infer<typeof quoteRequestSchema>;

/** The answer to `POST /api/orders/quote`: the server's price for the order now. */
export const quoteResponseSchema = z.object({
  lines: z.array(
    z.object({
      name: z.string(),
      qty: z.number(),
      unitPrice: z.number(),
      lineTotal: z.number(),
      modifiers: z.array(z.object({ name: z.string() })).default([]),
    }),
  ),
  subtotal: z.number(),
  deliveryFee: z.number(),
  /** Absent from servers before tax settings: no separate tax. */
  taxes: z.array(taxLineSchema).default([]),
  total: z.number(),
  currency: z.string(),
  zone: z.object({ name: z.string() }).nullable().optional(),
});
export type QuoteResponse = z.infer<typeof quoteResponseSchema>;

/** The answer to `POST /api/orders` (201): the order's id and the customer's tracking page. */
export const placedResponseSchema = z.object({
  orderId: OrderIdSchema,
  trackingUrl: z.string(),
  /** Card orders: the payment provider's page to send the customer to; the order reaches the outlet once paid. */
  paymentUrl: z.string().optional(),
});
export type PlacedResponse = z.infer<typeof placedResponseSchema>;

/** `GET /api/payments/config`: which ways to pay this server offers (card only with a provider configured). */
export const paymentConfigSchema = z.object({
  methods: z.array(z.enum(PAYMENT_METHODS)),
  /** The card provider's name (e.g. stripe), or null when card is not offered. */
  cardProvider: z.string().nullable(),
});
export type PaymentConfig = z.infer<typeof paymentConfigSchema>;

/** `POST /api/orders/<id>/refunds` (admin): how much to give back, in minor units, and why. */
export const refundRequestSchema = z.object({ amount: z.number().int().min(1).max(100_000_000), reason: text(500) }).strict();
export type RefundRequest = z.infer<typeof refundRequestSchema>;

/** Its `201`: the refund as recorded, and the order's money after it. */
export const refundResponseSchema = z.object({
  method: z.enum(PAYMENT_METHODS),
  amount: z.number(),
  /** The provider's refund id (card); absent for cash handed back. */
  refundRef: z.string().optional(),
  paid: z.number(),
  refunded: z.number(),
});
export type RefundResponse = z.infer<typeof refundResponseSchema>;
