import { expect } from 'vitest';
import { PICKUP_ORDER } from './api';
import { errorOf, type JsonResponse } from './http';

/** A delivery to Residency Road, inside the demo outlet's central zone (fee ₹40, minimum ₹150). */
export const DELIVERY = {
  outletId: 'demo-outlet',
  type: 'delivery',
  items: [
    {
      itemId: 'masala-dosa',
      qty: 2,
      modifiers: [
        { groupId: 'chutney', optionId: 'mint' },
        { groupId: 'extras', optionId: 'ghee' },
      ],
    },
  ],
  customer: { name: 'Priya', phone: '+91 98860 12345' },
  address: { text: '22 Residency Rd', lat: 12.968, lng: 77.6 },
  payment: { method: 'cash' },
} as const;

const dosa = (modifiers: readonly { groupId: string; optionId: string }[]) => ({
  ...PICKUP_ORDER,
  items: [{ itemId: 'masala-dosa', qty: 1, modifiers }],
});
const coconut = { groupId: 'chutney', optionId: 'coconut' };

export interface Refusal {
  readonly what: string;
  readonly body: unknown;
  readonly status: number;
  readonly code: string;
  readonly message: RegExp;
}

/**
 * Orders the demo outlet refuses whatever the time and its status, with the code and message the
 * customer sees. Placing and quoting refuse them alike.
 */
export const STATIC_REFUSALS: readonly Refusal[] = [
  {
    what: 'an unknown item',
    body: { ...PICKUP_ORDER, items: [{ itemId: 'pizza', qty: 1 }] },
    status: 422,
    code: 'unknown_item',
    message: /^There is no item "pizza" on this menu\.$/,
  },
  {
    what: 'a zero quantity',
    body: { ...PICKUP_ORDER, items: [{ itemId: 'plain-dosa', qty: 0 }] },
    status: 422,
    code: 'bad_quantity',
    message: /^Quantity for Plain Dosa must be a whole number from 1 to 99\.$/,
  },
  {
    what: 'a negative quantity',
    body: { ...PICKUP_ORDER, items: [{ itemId: 'plain-dosa', qty: -2 }] },
    status: 422,
    code: 'bad_quantity',
    message: /whole number from 1 to 99/,
  },
  {
    what: 'a fractional quantity',
    body: { ...PICKUP_ORDER, items: [{ itemId: 'plain-dosa', qty: 1.5 }] },
    status: 422,
    code: 'bad_quantity',
    message: /whole number from 1 to 99/,
  },
  {
    what: 'a quantity over 99',
    body: { ...PICKUP_ORDER, items: [{ itemId: 'plain-dosa', qty: 100 }] },
    status: 422,
    code: 'bad_quantity',
    message: /whole number from 1 to 99/,
  },
  {
    what: 'a missing required modifier',
    body: { ...PICKUP_ORDER, items: [{ itemId: 'thali', qty: 1 }] },
    status: 422,
    code: 'invalid_modifiers',
    message: /^South Indian Thali: choose 1 of "Size"\.$/,
  },
  {
    what: 'too many choices in a group',
    body: dosa([coconut, { groupId: 'chutney', optionId: 'tomato' }, { groupId: 'chutney', optionId: 'mint' }]),
    status: 422,
    code: 'invalid_modifiers',
    message: /^Masala Dosa: choose 1 to 2 of "Chutney"\.$/,
  },
  {
    what: 'the same option twice',
    body: dosa([coconut, coconut]),
    status: 422,
    code: 'invalid_modifiers',
    message: /each option of "Chutney" can be chosen once/,
  },
  {
    what: 'an unknown modifier option',
    body: { ...PICKUP_ORDER, items: [{ itemId: 'thali', qty: 1, modifiers: [{ groupId: 'size', optionId: 'huge' }] }] },
    status: 422,
    code: 'invalid_modifiers',
    message: /"huge" is not an option of "Size"/,
  },
  {
    what: 'a modifier group the item does not have',
    body: dosa([coconut, { groupId: 'size', optionId: 'large' }]),
    status: 422,
    code: 'invalid_modifiers',
    message: /^Masala Dosa has no such modifier group\.$/,
  },
  {
    what: 'a delivery below the zone minimum',
    body: { ...DELIVERY, items: [{ itemId: 'filter-coffee', qty: 1 }] },
    status: 422,
    code: 'below_minimum',
    message: /^The minimum for delivery to Central Bengaluru is ₹150\.00; this order is ₹50\.00\.$/,
  },
  {
    what: 'a delivery without an address',
    body: { ...DELIVERY, address: undefined },
    status: 422,
    code: 'address_required',
    message: /^A delivery order needs an address\.$/,
  },
  {
    what: 'a delivery outside every zone',
    body: { ...DELIVERY, address: { text: 'Mysuru', lat: 12.3, lng: 76.6 } },
    status: 422,
    code: 'outside_zone',
    message: /^Dabba Demo Kitchen does not deliver to this address\.$/,
  },
  { what: 'an unknown outlet', body: { ...PICKUP_ORDER, outletId: 'nowhere' }, status: 404, code: 'not_found', message: /outlet/ },
  { what: 'an empty cart', body: { ...PICKUP_ORDER, items: [] }, status: 400, code: 'invalid_body', message: /no items/ },
  {
    what: 'a payment method the server does not know',
    body: { ...PICKUP_ORDER, payment: { method: 'upi' } },
    status: 400,
    code: 'invalid_body',
    message: /^payment\.method/,
  },
  {
    what: 'enteredAt on an online order',
    body: { ...PICKUP_ORDER, enteredAt: 1 },
    status: 400,
    code: 'invalid_body',
    message: /enteredAt is only for phone orders/,
  },
];

/** A 422 refusal of an order's content, with its code and a message matching `message`. */
export async function expectRefused(res: JsonResponse, code: string, message: RegExp): Promise<void> {
  expect(res.status).toBe(422);
  expect(errorOf(res)?.code).toBe(code);
  expect(errorOf(res)?.message).toMatch(message);
}
