import { expect } from 'vitest';
import type { PlacedResponse } from '../../../shared/api/orders';
import { orderDocName } from '../../../shared/docNames';
import type { OrderId } from '../../../shared/ids';
import { readOrder, type OrderView } from '../../../shared/order/orderDoc';
import type { DabbaServer, ServerOverrides } from '../../../sync-server/app';
import { PICKUP_ORDER } from './api';
import type { FakeSession, FakeStripe } from './fakeStripe';
import { postJson } from './http';
import { MuxTestClient } from './muxClient';
import { startTestServer } from './server';

/** The real server with card payments through `stripe` (the loopback fake), which sends its webhooks to it. */
export async function startCardServer(
  stripe: FakeStripe,
  env: Record<string, string> = {},
  overrides: ServerOverrides = {},
): Promise<DabbaServer> {
  const server = await startTestServer(
    { STRIPE_SECRET_KEY: 'sk_test_dabba', STRIPE_WEBHOOK_SECRET: stripe.webhookSecret, DABBA_STRIPE_API_BASE: stripe.url, ...env },
    overrides,
  );
  stripe.webhookUrl = `${server.url}/api/payments/stripe/webhook`;
  return server;
}

/** The demo pickup order (2 × 9000), paid by card. */
export const CARD_ORDER = { ...PICKUP_ORDER, payment: { method: 'card' } } as const;

/** Places a card order and finds the fake's checkout session behind its payment URL. */
export async function placeCardOrder(
  serverUrl: string,
  stripe: FakeStripe,
  key?: string,
): Promise<{ placed: PlacedResponse; session: FakeSession }> {
  const res = await postJson<PlacedResponse>(`${serverUrl}/api/orders`, CARD_ORDER, key ? { idempotencyKey: key } : {});
  expect(res.status).toBe(201);
  const sessionId = /\/pay\/([^/]+)$/.exec(res.body.paymentUrl ?? '')?.[1];
  const session = stripe.sessions.get(sessionId ?? '');
  if (!session) throw new Error(`no checkout session behind ${res.body.paymentUrl}`);
  return { placed: res.body, session };
}

/** The order as a device of `token` (an admin's) syncs it now. */
export async function orderNow(serverUrl: string, token: string, orderId: OrderId): Promise<OrderView> {
  const device = await MuxTestClient.connect(serverUrl, token);
  try {
    const view = readOrder(await device.open(orderDocName(orderId)));
    if (!view) throw new Error(`no order ${orderId}`);
    return view;
  } finally {
    device.close();
  }
}
