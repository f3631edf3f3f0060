import { z } from 'zod';
import { taxLineSchema } from '../../shared/catalog/taxes';
import { PAYMENT_METHODS } from '../../shared/order/events';
import { ORDER_STATUSES, ORDER_TYPES } from '../../shared/order/status';
import type { TrackView } from '../../shared/track';
import { readJson, writeJson, type KeyValueStorage } from '../common/store/keyValueStorage';

/** The last view the server sent for a tracking link, so a reload offline still shows something. */
export interface CachedView {
  readonly view: TrackView;
  /** When this device last heard from the server about it (epoch ms). */
  readonly savedAt: number;
}

const latLng = z.object({ lat: z.number(), lng: z.number() });

const viewSchema = z.object({
  status: z.enum(ORDER_STATUSES),
  orderType: z.enum(ORDER_TYPES),
  outletName: z.string(),
  outletPhone: z.string(),
  placedAt: z.number(),
  readyBy: z.number().nullable(),
  timeline: z.array(z.object({ type: z.string(), at: z.number() })),
  items: z.array(z.object({ name: z.string(), qty: z.number() })),
  total: z.number(),
  currency: z.string(),
  // The delivery part (see TrackDelivery): optional, since views cached before it existed have none.
  driver: z.object({ firstName: z.string() }).nullable().exactOptional(),
  driverPosition: z.object({ lat: z.number(), lng: z.number(), at: z.number() }).nullable().exactOptional(),
  estimatedArrival: z.number().nullable().exactOptional(),
  dropoffArea: z.string().nullable().exactOptional(),
  deliveryCode: z.string().nullable().exactOptional(),
  // Optional for views cached before receipts were shown.
  receipt: z
    .object({
      lines: z.array(
        z.object({
          name: z.string(),
          qty: z.number(),
          unitPrice: z.number(),
          modifiers: z.array(z.object({ name: z.string(), price: z.number() })),
          lineTotal: z.number(),
        }),
      ),
      subtotal: z.number(),
      deliveryFee: z.number(),
      // Views written before tax settings have `tax: 0` and no lines.
      taxes: z.array(taxLineSchema).default([]),
      total: z.number(),
    })
    .exactOptional(),
  // Optional for views cached before payments were shown.
  payment: z
    .object({
      method: z.enum(PAYMENT_METHODS),
      status: z.enum(['awaiting', 'paid', 'failed']).nullable(),
      paid: z.number(),
      refunded: z.number(),
    })
    .exactOptional(),
  // Optional for views cached before the page showed the order's number, pins and "Order again".
  details: z
    .object({
      orderNumber: z.string(),
      outletId: z.string(),
      pickupAddress: z.string().nullable(),
      rejectionReason: z.string().nullable(),
      pins: z.object({ outlet: latLng, dropoff: latLng }).nullable(),
      reorder: z.array(
        z.object({
          itemId: z.string(),
          qty: z.number(),
          modifiers: z.array(z.object({ groupId: z.string(), optionId: z.string() })),
        }),
      ),
    })
    .exactOptional(),
});
const cachedSchema = z.object({ view: viewSchema, savedAt: z.number() });

const keyOf = (token: string): string => `dabba.track.${token}`;

/** Checks a view's shape: the document is the server's, but its shape may be newer than this page. */
export function parseTrackView(value: unknown): TrackView | null {
  const parsed = viewSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export class TrackCache {
  constructor(private readonly storage: KeyValueStorage) {}

  read(token: string): CachedView | null {
    const parsed = cachedSchema.safeParse(readJson(this.storage, keyOf(token)));
    return parsed.success ? parsed.data : null;
  }

  write(token: string, view: TrackView, now = Date.now()): void {
    writeJson(this.storage, keyOf(token), { view, savedAt: now } satisfies CachedView);
  }

  /** The server says there is no such order: keep nothing about it. */
  forget(token: string): void {
    try {
      this.storage.removeItem(keyOf(token));
    } catch {
      // blocked storage had nothing to forget
    }
  }
}
