import { z } from 'zod';
import { DeviceIdSchema, PUSH_APPS } from '../api/devices';
import { EventIdSchema, UserIdSchema } from '../ids';
import { MoneySchema } from '../money';
import { fail, ok, type Result } from '../result';
import { deliveryCodeSchema } from './deliveryCode';

/** Event types an order can carry. Status is a fold over these (see reduceOrder). */
export const EVENT_TYPES = [
  'placed',
  'accepted',
  'rejected',
  'preparing',
  'ready',
  'delayed',
  'handed_over',
  'picked_up',
  'delivered',
  'failed',
  'cancelled',
  'assigned',
  'unassigned',
  'note',
  'acknowledged',
  'cash_collected',
  'payment_pending',
  'paid',
  'payment_failed',
  'refunded',
  'delivery_code_failed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

const reason = z.string().trim().min(1).max(500);
/** Device clocks: any time from 2020 to 2100; skew against the server is bounded where events are accepted. */
const at = z.number().int().min(1_577_836_800_000).max(4_102_444_800_000);

/**
 * Which device and app wrote an event and whether it was connected to the server at that moment, as
 * that device says. For the people reading an order's timeline; no rule ever reads it.
 */
export const eventDeviceSchema = z.object({ id: DeviceIdSchema, app: z.enum(PUSH_APPS), offline: z.boolean() }).strict();
export type EventDevice = z.infer<typeof eventDeviceSchema>;

/** Who took or gave the money back, as the server's payment steps record it (never a device). */
const provider = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/);
/** The provider's own id of the checkout, payment or refund: how support finds it in the provider's dashboard. */
const currency = z.string().length(3);
const providerRef = z.string().min(1).max(255);
export const PAYMENT_METHODS = ['cash', 'card'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

const base = {
  id: EventIdSchema,
  at,
  by: z.object({ id: UserIdSchema, role: z.enum(['admin', 'outlet', 'driver', 'system', 'customer']) }).strict(),
  /** Absent on the server's own events and on events from before devices said it. */
  device: eventDeviceSchema.optional(),
};

export const orderEventSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('placed') }).strict(),
  z.object({ ...base, type: z.literal('accepted'), prepMinutes: z.number().int().min(1).max(240) }).strict(),
  z.object({ ...base, type: z.literal('rejected'), reason }).strict(),
  z.object({ ...base, type: z.literal('preparing') }).strict(),
  z.object({ ...base, type: z.literal('ready') }).strict(),
  z.object({ ...base, type: z.literal('delayed'), minutes: z.number().int().min(1).max(120) }).strict(),
  z.object({ ...base, type: z.literal('handed_over') }).strict(),
  z.object({ ...base, type: z.literal('picked_up') }).strict(),
  // `code`: the customer's delivery code, checked against the header's hash (shared/order/deliveryCode.ts).
  z.object({ ...base, type: z.literal('delivered'), proof: z.string().max(200).optional(), code: deliveryCodeSchema.optional() }).strict(),
  // A wrong delivery code typed at the door: counted, so tries are limited on every device and the server.
  z.object({ ...base, type: z.literal('delivery_code_failed') }).strict(),
  z.object({ ...base, type: z.literal('failed'), reason }).strict(),
  z.object({ ...base, type: z.literal('cancelled'), reason }).strict(),
  z.object({ ...base, type: z.literal('assigned'), driverId: UserIdSchema }).strict(),
  z.object({ ...base, type: z.literal('unassigned'), driverId: UserIdSchema, reason }).strict(),
  z.object({ ...base, type: z.literal('note'), text: z.string().trim().min(1).max(1000) }).strict(),
  // Outlet staff heard the new order: every device of the outlet stops ringing for it (it still waits for an answer).
  z.object({ ...base, type: z.literal('acknowledged') }).strict(),
  // Cash the driver took at the door for the order, minor units (rules: shared/cash/collection.ts).
  z.object({ ...base, type: z.literal('cash_collected'), amount: MoneySchema, currency: z.string().length(3).optional() }).strict(),
  // Payments: written by the server alone (system), from what the provider confirmed, never from a device.
  z
    .object({
      ...base,
      type: z.literal('payment_pending'),
      provider,
      amount: MoneySchema,
      currency,
      checkoutRef: providerRef,
      expiresAt: at,
    })
    .strict(),
  z.object({ ...base, type: z.literal('paid'), provider, amount: MoneySchema, currency, paymentRef: providerRef }).strict(),
  z.object({ ...base, type: z.literal('payment_failed'), provider, reason }).strict(),
  z
    .object({
      ...base,
      type: z.literal('refunded'),
      amount: MoneySchema,
      currency,
      reason,
      method: z.enum(PAYMENT_METHODS),
      /** The admin who refunded. */
      refundedBy: UserIdSchema,
      /** The provider's refund id; absent for cash handed back. */
      refundRef: providerRef.optional(),
    })
    .strict(),
]);

/** An order event. `at` is epoch ms on the author's device. */
export type OrderEvent = z.infer<typeof orderEventSchema>;
export type EventOf<T extends EventType> = Extract<OrderEvent, { type: T }>;
/** The data an event type carries beyond id/type/at/by and the device that wrote it. */
export type EventData<T extends EventType> = Omit<EventOf<T>, 'id' | 'type' | 'at' | 'by' | 'device'>;

/** The event, or `invalid_event` naming the first field that is wrong. */
export function parseOrderEvent(value: unknown): Result<OrderEvent, 'invalid_event'> {
  const result = orderEventSchema.safeParse(value);
  if (result.success) return ok(result.data);
  const issue = result.error.issues[0];
  return fail('invalid_event', issue ? `${issue.path.join('.') || 'event'}: ${issue.message}` : 'invalid event');
}

/** Total order used by every device: (at, id), then content, so even a forged duplicate id sorts the same everywhere. */
export function compareEvents(a: OrderEvent, b: OrderEvent): number {
  if (a.at !== b.at) return a.at - b.at;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  const ja = JSON.stringify(a);
  const jb = JSON.stringify(b);
  return ja < jb ? -1 : ja > jb ? 1 : 0;
}
