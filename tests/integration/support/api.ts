import type { OrderId, UserId } from '../../../shared/ids';
import { DEMO_OUTLET, DEMO_PASSWORD } from './server';

export interface Session {
  readonly token: string;
  readonly user: { readonly id: string; readonly role: string; readonly outletId?: string };
}

export async function login(baseUrl: string, who: 'admin' | 'outlet' | 'driver'): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${who}@dabba.local`, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as Session;
}

export const PICKUP_ORDER = {
  outletId: DEMO_OUTLET,
  type: 'pickup',
  items: [{ itemId: 'plain-dosa', qty: 2 }],
  customer: { name: 'Meera', phone: '+91 98450 00000' },
  payment: { method: 'cash' },
} as const;

export async function placeOrder(
  baseUrl: string,
  body: object = PICKUP_ORDER,
  key?: string,
): Promise<{ orderId: OrderId; trackingUrl: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key) headers['Idempotency-Key'] = key;
  const res = await fetch(`${baseUrl}/api/orders`, { method: 'POST', headers, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`order failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { orderId: OrderId; trackingUrl: string };
}

export interface DemoSessions {
  readonly outlet: Session;
  readonly admin: Session;
  readonly driver: Session;
}

/** One signed-in session per demo account. */
export async function loginAll(baseUrl: string): Promise<DemoSessions> {
  const [outlet, admin, driver] = await Promise.all([login(baseUrl, 'outlet'), login(baseUrl, 'admin'), login(baseUrl, 'driver')]);
  return { outlet, admin, driver };
}

/** The `by` of an event authored by this session's user. */
export const authorOf = (s: Session) => ({ id: s.user.id as UserId, role: s.user.role as 'outlet' | 'admin' | 'driver' });
