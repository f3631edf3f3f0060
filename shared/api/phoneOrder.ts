import { z } from 'zod';
import { customerSchema, modifierChoicesSchema, MAX_ORDER_ITEMS, orderFields } from './orders';

/**
 * The body of `POST /api/orders` for an order staff take on the phone: the order contract plus
 * `source: 'phone'` and `enteredAt`, the device time it was entered (it may be sent much later).
 * Stricter than the server's parse where the server would refuse later (quantity, address, table),
 * so an entry that can never be placed is not queued; messages speak to staff.
 */
export const phoneOrderRequestSchema = z
  .object({
    ...orderFields,
    items: z
      .array(
        z.object({
          itemId: z.string().min(1).max(64),
          qty: z.number().int().min(1).max(99),
          modifiers: modifierChoicesSchema.optional(),
        }),
      )
      .min(1, 'Add at least one item.')
      .max(MAX_ORDER_ITEMS),
    customer: customerSchema('Enter the caller’s phone number.'),
    source: z.literal('phone'),
    enteredAt: z.number().int(),
  })
  .superRefine((order, ctx) => {
    if (order.type === 'delivery' && !order.address)
      ctx.addIssue({ code: 'custom', path: ['address'], message: 'A delivery needs an address with its map location.' });
    if (order.type === 'dine-in' && !order.table)
      ctx.addIssue({ code: 'custom', path: ['table'], message: 'A dine-in order needs a table.' });
  });

export type PhoneOrderRequest = z.infer<typeof phoneOrderRequestSchema>;
