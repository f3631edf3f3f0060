import { z } from 'zod';
import { postJson, type ApiError } from '../../common/api/http';
import type { ChosenModifier } from '../cart/cartRules';
import type { OrderType } from './catalogApi';

/** The body of `POST /api/orders` and `POST /api/orders/quote` (DESIGN.md). Prices are never sent. */
export interface OrderRequest {
  readonly outletId: string;
  readonly type: OrderType;
  readonly items: readonly { readonly itemId: string; readonly qty: number; readonly modifiers?: readonly ChosenModifier[] }[];
  readonly customer: { readonly name: string; readonly phone: string };
  readonly address?: { readonly text: string; readonly lat: number; readonly lng: number };
  readonly table?: string;
  readonly notes?: string;
  readonly payment: { readonly method: 'cash' };
}

/** A quote needs no customer yet: it prices the cart for an order type and address. */
export type QuoteRequest = Omit<OrderRequest, 'customer'> & { readonly customer?: OrderRequest['customer'] };

const quoteSchema = z.object({
  lines: z.array(z.object({
    name: z.string(),
    qty: z.number(),
    unitPrice: z.number(),
    lineTotal: z.number(),
    modifiers: z.array(z.object({ name: z.string() })).default([]),
  })),
  subtotal: z.number(),
  deliveryFee: z.number(),
  total: z.number(),
  currency: z.string(),
  zone: z.object({ name: z.string() }).nullable().optional(),
});
export type Quote = z.infer<typeof quoteSchema>;

const placedSchema = z.object({ orderId: z.string(), trackingUrl: z.string() });
export type Placed = z.infer<typeof placedSchema>;

export type Answer<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

const unreadable = (what: string): Answer<never> => ({ ok: false, error: { status: 200, code: 'bad_response', message: `The server's ${what} could not be read. Try again.` } });

/** The server's price for this order now, or its reason for refusing it. Nothing is placed. */
export async function quoteOrder(request: QuoteRequest): Promise<Answer<Quote>> {
  const answer = await postJson('/api/orders/quote', request);
  if (!answer.ok) return answer;
  const parsed = quoteSchema.safeParse(answer.body);
  return parsed.success ? { ok: true, value: parsed.data } : unreadable('price');
}

/** Places the order under `idempotencyKey`: sending the same key and body again returns the same order. */
export async function placeOrder(request: OrderRequest, idempotencyKey: string): Promise<Answer<Placed>> {
  const answer = await postJson('/api/orders', request, { 'Idempotency-Key': idempotencyKey });
  if (!answer.ok) return answer;
  const parsed = placedSchema.safeParse(answer.body);
  return parsed.success ? { ok: true, value: parsed.data } : unreadable('confirmation');
}
