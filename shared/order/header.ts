import { z } from 'zod';
import { ItemIdSchema, OrderIdSchema, OutletIdSchema } from '../ids';
import { taxLineSchema } from '../catalog/taxes';
import { MoneySchema } from '../money';
import { PAYMENT_METHODS } from './events';
import { ORDER_TYPES } from './status';
import { deliveryCodeCheckSchema } from './deliveryCode';

const minor = MoneySchema;

export const ORDER_SOURCES = ['online', 'phone'] as const;
export type OrderSource = (typeof ORDER_SOURCES)[number];

export const orderLineSchema = z.object({
  itemId: ItemIdSchema,
  name: z.string(),
  qty: z.number().int().min(1).max(99),
  unitPrice: minor,
  modifiers: z.array(z.object({ groupId: z.string(), optionId: z.string(), name: z.string(), price: minor })),
  lineTotal: minor,
});

/** The order's fixed facts, written once by the server when it prices the order. */
export const orderHeaderSchema = z.object({
  id: OrderIdSchema,
  outletId: OutletIdSchema,
  outlet: z.object({ name: z.string(), phone: z.string(), address: z.string(), lat: z.number(), lng: z.number() }),
  type: z.enum(ORDER_TYPES),
  customer: z.object({ name: z.string(), phone: z.string() }),
  address: z.object({ text: z.string(), lat: z.number(), lng: z.number() }).optional(),
  /** The name of the delivery zone the address's pin fell in when it was priced: its locality (set by the outlet, never the customer). */
  deliveryZone: z.string().optional(),
  table: z.string().optional(),
  notes: z.string().optional(),
  items: z.array(orderLineSchema).min(1),
  /** `taxes` as the outlet's settings charged them (absent: no separate tax, as before outlets had tax settings). */
  totals: z.object({ subtotal: minor, deliveryFee: minor, taxes: z.array(taxLineSchema).optional(), total: minor }),
  /** 'card': paid through a payment provider before the outlet gets it (documents from before card say 'cash'). */
  payment: z.object({ method: z.enum(PAYMENT_METHODS) }),
  currency: z.string().length(3),
  /** When the server placed it (its clock). */
  createdAt: z.number().int(),
  /** How it came in: the ordering page ('online', also when absent) or staff taking a call ('phone'). */
  source: z.enum(ORDER_SOURCES).optional(),
  /** Phone orders: when staff typed it, by their device clock; it may have waited offline long before `createdAt`. */
  enteredAt: z.number().int().optional(),
  /** Delivery orders: the salted hash of the code the customer reads out at the door (absent on older orders). */
  deliveryCode: deliveryCodeCheckSchema.optional(),
});

export type OrderLine = z.infer<typeof orderLineSchema>;
/** The order's fixed facts, written once by the server when it prices the order. */
export type OrderHeader = z.infer<typeof orderHeaderSchema>;
