import { z } from 'zod';
import { OrderIdSchema, OutletIdSchema } from '../ids';
import { ORDER_STATUSES, ORDER_TYPES } from '../order/status';
import { instantSchema as instant } from './instant';

/** The query of `GET /api/orders`. */
export const historyQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  from: instant.optional(),
  to: instant.optional(),
  /** One status or several, comma-separated. */
  status: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(ORDER_STATUSES)).min(1))
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Admins may narrow to one outlet; outlet staff always see their own. */
  outletId: OutletIdSchema.optional(),
});

/**
 * One order as `GET /api/orders` lists it: enough for history, not the whole order. Orders the
 * server indexed before it kept these details come with them null.
 */
export const orderSummarySchema = z.object({
  id: OrderIdSchema,
  outletId: OutletIdSchema,
  type: z.enum(ORDER_TYPES).nullable(),
  status: z.enum(ORDER_STATUSES),
  customerName: z.string().nullable(),
  customerPhone: z.string().nullable(),
  total: z.number().nullable(),
  currency: z.string().nullable(),
  createdAt: z.number(),
  source: z.string().nullable().optional(),
});
export type OrderSummary = z.infer<typeof orderSummarySchema>;

/** The answer to `GET /api/orders`, newest first. */
export const historyResponseSchema = z.object({ orders: z.array(orderSummarySchema) });
