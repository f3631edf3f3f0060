import type { Browser, Page } from '@playwright/test';
import { postOrder } from './placeOrder';

/** A door inside the demo outlet's central zone, about 1.5 km from it. */
export const DROPOFF = { text: 'Flat 4B, 22 Residency Road, Bengaluru', lat: 12.9668, lng: 77.5968 };

/** Places a cash delivery of two plain dosas and a coffee (₹270.00 with the fee), as the ordering page would. */
export function placeDeliveryOrder(baseUrl: string, customerName: string): Promise<{ orderId: string; trackingUrl: string }> {
  return postOrder(baseUrl, {
    outletId: 'demo-outlet',
    type: 'delivery',
    items: [
      { itemId: 'plain-dosa', qty: 2 },
      { itemId: 'filter-coffee', qty: 1 },
    ],
    customer: { name: customerName, phone: '+91 98450 33333' },
    address: DROPOFF,
    payment: { method: 'cash' },
  });
}

export async function loginAs(baseUrl: string, who: 'admin' | 'outlet' | 'driver'): Promise<{ token: string; user: { id: string } }> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${who}@dabba.local`, password: 'dabba-demo' }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status}`);
  return (await response.json()) as { token: string; user: { id: string } };
}

/** The customer's phone (390×844) on the order's tracking page; map tiles are not fetched (no network in tests). */
export async function openTrackingPhone(browser: Browser, baseUrl: string, trackingUrl: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
  await page.goto(`${baseUrl}${new URL(trackingUrl, baseUrl).pathname}`);
  return page;
}
