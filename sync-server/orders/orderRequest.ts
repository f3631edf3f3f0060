import { z } from 'zod';
import { OutletIdSchema } from '../../shared/ids';
import { ORDER_SOURCES } from '../../shared/order/header';
import { ORDER_TYPES } from '../../shared/order/status';

const text = (max: number) => z.string().trim().min(1).max(max);

const customerSchema = z.object({ name: text(100), phone: z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/, 'Enter a phone number.') });

const fields = {
  outletId: OutletIdSchema,
  type: z.enum(ORDER_TYPES),
  items: z.array(z.object({
    itemId: z.string().max(64),
    // Any number: whole numbers from 1 to 99 are a pricing rule, refused as bad_quantity with the item's name.
    qty: z.number(),
    modifiers: z.array(z.object({ groupId: z.string().max(64), optionId: z.string().max(64) })).max(50).optional(),
  })).min(1, 'The order has no items.').max(100),
  customer: customerSchema,
  address: z.object({ text: text(300), lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).optional(),
  table: text(20).optional(),
  notes: z.string().trim().max(500).optional(),
  payment: z.object({ method: z.literal('cash') }),
  /** 'phone': staff entering an order for a caller; needs an outlet or admin bearer token. */
  source: z.enum(ORDER_SOURCES).optional(),
  /** Phone orders: the device time staff entered it (epoch ms). */
  enteredAt: z.number().int().min(0).optional(),
};

const enteredAtOnlyByPhone = (req: { source?: string | undefined; enteredAt?: number | undefined }): boolean =>
  req.enteredAt === undefined || req.source === 'phone';
const ENTERED_AT_ISSUE = { message: 'enteredAt is only for phone orders (source: "phone").', path: ['enteredAt'] };

/** The body of `POST /api/orders`. */
export const orderRequestSchema = z.object(fields).refine(enteredAtOnlyByPhone, ENTERED_AT_ISSUE);
export type OrderRequest = z.infer<typeof orderRequestSchema>;

/** The body of `POST /api/orders/quote`: the same, with the customer optional (a price comes before the name). */
export const quoteRequestSchema = z.object({ ...fields, customer: customerSchema.optional() }).refine(enteredAtOnlyByPhone, ENTERED_AT_ISSUE);
export type QuoteRequest = z.infer<typeof quoteRequestSchema>;
