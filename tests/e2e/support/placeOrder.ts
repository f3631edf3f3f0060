import { randomUUID } from 'node:crypto';

interface MenuItem {
  readonly id: string;
  readonly available?: boolean;
  readonly modifierGroups?: readonly { readonly min: number }[];
}

/** Places a pickup order of the first item that needs no modifier choice, as a customer would. */
export async function placePickupOrder(baseUrl: string, customerName: string): Promise<string> {
  return (await placePickupOrderWithLink(baseUrl, customerName)).orderId;
}

/** The same, also giving the customer's tracking link; `extra` adds to the request (e.g. `notes`). */
export async function placePickupOrderWithLink(
  baseUrl: string,
  customerName: string,
  extra: object = {},
): Promise<{ orderId: string; trackingUrl: string }> {
  const menu = (await (await fetch(`${baseUrl}/api/outlets/demo-outlet/menu`)).json()) as { items: MenuItem[] };
  const item = menu.items.find((i) => i.available !== false && (i.modifierGroups ?? []).every((g) => g.min === 0));
  if (!item) throw new Error('the demo menu has no item orderable without modifiers');
  return postOrder(baseUrl, {
    outletId: 'demo-outlet',
    type: 'pickup',
    items: [{ itemId: item.id, qty: 2 }],
    customer: { name: customerName, phone: '+91 98450 00000' },
    payment: { method: 'cash' },
    ...extra,
  });
}

/** `POST /api/orders` as the ordering page sends it, under a new idempotency key. */
export async function postOrder(baseUrl: string, body: object): Promise<{ orderId: string; trackingUrl: string }> {
  const response = await fetch(`${baseUrl}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`placing the order failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { orderId: string; trackingUrl: string };
}
