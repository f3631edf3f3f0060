import { z } from 'zod';
import { ORDER_TYPES } from '../../../shared/order/status';

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * The body of `POST /api/orders` for an order staff take on the phone: the customer contract plus
 * `source: 'phone'` and `enteredAt`, the device time it was entered (it may be sent much later).
 * Checked here with the server's limits so an entry that can never be placed is not queued.
 */
export const phoneOrderRequestSchema = z.object({
  outletId: z.string().min(1).max(64),
  type: z.enum(ORDER_TYPES),
  items: z.array(z.object({
    itemId: z.string().min(1).max(64),
    qty: z.number().int().min(1).max(99),
    modifiers: z.array(z.object({ groupId: z.string().max(64), optionId: z.string().max(64) })).max(50).optional(),
  })).min(1, 'Add at least one item.').max(100),
  customer: z.object({
    name: text(100),
    phone: z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/, 'Enter the caller’s phone number.'),
  }),
  address: z.object({ text: text(300), lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).optional(),
  table: text(20).optional(),
  notes: z.string().trim().max(500).optional(),
  payment: z.object({ method: z.literal('cash') }),
  source: z.literal('phone'),
  enteredAt: z.number().int(),
}).superRefine((order, ctx) => {
  if (order.type === 'delivery' && !order.address) ctx.addIssue({ code: 'custom', path: ['address'], message: 'A delivery needs an address with its map location.' });
  if (order.type === 'dine-in' && !order.table) ctx.addIssue({ code: 'custom', path: ['table'], message: 'A dine-in order needs a table.' });
});

export type PhoneOrderRequest = z.infer<typeof phoneOrderRequestSchema>;
