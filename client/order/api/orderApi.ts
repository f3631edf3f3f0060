import type { z } from 'zod';
import {
  paymentConfigSchema,
  placedResponseSchema,
  type PaymentConfig,
  quoteResponseSchema,
  type orderRequestSchema,
  type PlacedResponse,
  type quoteRequestSchema,
  type QuoteResponse,
} from '../../../shared/api/orders';
import { getJson, postJson, readAnswer, type Answer } from '../../common/api/http';

/** The body of `POST /api/orders` as this page sends it (shared/api/orders.ts). Prices are never sent. */
export type OrderRequest = z.input<typeof orderRequestSchema>;
/** A quote needs no customer yet: it prices the cart for an order type and address. */
export type QuoteRequest = z.input<typeof quoteRequestSchema>;
export type Quote = QuoteResponse;
export type Placed = PlacedResponse;

const unreadable = (what: string): string => `The server's ${what} could not be read. Try again.`;

/** The server's price for this order now, or its reason for refusing it. Nothing is placed. */
export async function quoteOrder(request: QuoteRequest): Promise<Answer<Quote>> {
  return readAnswer(await postJson('/api/orders/quote', request), quoteResponseSchema, unreadable('price'));
}

/** Places the order under `idempotencyKey`: sending the same key and body again returns the same order. */
export async function placeOrder(request: OrderRequest, idempotencyKey: string): Promise<Answer<Placed>> {
  return readAnswer(
    await postJson('/api/orders', request, { 'Idempotency-Key': idempotencyKey }),
    placedResponseSchema,
    unreadable('confirmation'),
  );
}

/** Which ways to pay the server offers now: card only where a payment provider is configured. */
export async function fetchPaymentConfig(): Promise<Answer<PaymentConfig>> {
  return readAnswer(await getJson('/api/payments/config'), paymentConfigSchema, unreadable('payment options'));
}
