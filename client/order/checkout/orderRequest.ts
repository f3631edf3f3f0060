import { isCallablePhone, PHONE_MESSAGE } from '../../../shared/api/callablePhone';
import type { OutletProfile } from '../../../shared/catalog/menu';
import { findTable, outletCountry } from '../../../shared/catalog/orderDetails';
import { ok, type DetailedResult, type Failure } from '../../../shared/result';
import type { OrderRequest } from '../api/orderApi';
import type { CartState, LatLng } from '../cart/cartStore';

/** Where on the page a problem is shown: next to the field it is about. */
export type CheckoutField = 'outlet' | 'type' | 'table' | 'address' | 'name' | 'phone' | 'notes' | 'cart' | 'form';
export type FieldErrors = Partial<Record<CheckoutField, string>>;

/** A form that cannot be sent yet: the message is the first problem, `details.fields` each one by its field. */
export interface CheckoutIncomplete extends Failure<'checkout_incomplete'> {
  readonly details: { readonly fields: FieldErrors };
}

export type BuiltOrderRequest = DetailedResult<OrderRequest, CheckoutIncomplete>;

/** What of the outlet's profile the form is checked against: its country (phones) and its tables. */
export type OutletRules = Pick<OutletProfile, 'country' | 'currency' | 'tables'>;

/**
 * The order request for the cart as it stands, or what to fix first. The pin defaults to the
 * outlet's own location, which is where the map shows it until the customer moves it.
 */
export function buildOrderRequest(
  outletId: string,
  cart: CartState,
  defaultPin: LatLng,
  outlet: OutletRules,
  cardOffered = false,
): BuiltOrderRequest {
  const { draft } = cart;
  const errors: FieldErrors = {};
  const name = draft.name.trim();
  const phone = draft.phone.trim();
  if (cart.lines.length === 0) errors.cart = 'Your cart is empty: add something from the menu.';
  if (!name) errors.name = 'Enter your name, so the restaurant knows whose order it is.';
  // The server's rules (checkOrderDetails), checked first so a typo is pointed out without a round trip.
  if (!isCallablePhone(phone, outletCountry(outlet))) errors.phone = PHONE_MESSAGE;
  if (draft.type === 'delivery' && !draft.addressText.trim()) errors.address = 'Enter the delivery address (house, street, landmark).';
  const tableTyped = draft.table.trim();
  const table = tableTyped ? findTable(outlet, tableTyped) : null;
  if (draft.type === 'dine-in' && !tableTyped) errors.table = 'Enter your table number.';
  else if (draft.type === 'dine-in' && !table)
    errors.table = `There is no table "${tableTyped}" here; use the number on your table (${outlet.tables.slice(0, 3).join(', ')}…).`;
  const first = Object.values(errors).at(0);
  if (first !== undefined) {
    return { ok: false, error: { code: 'checkout_incomplete', message: first, details: { fields: errors } } };
  }
  const pin = draft.pin ?? defaultPin;
  const notes = draft.notes.trim();
  const request: OrderRequest = {
    outletId,
    type: draft.type,
    items: cart.lines.map((l) =>
      l.modifiers.length > 0 ? { itemId: l.itemId, qty: l.qty, modifiers: l.modifiers } : { itemId: l.itemId, qty: l.qty },
    ),
    customer: { name, phone },
    ...(draft.type === 'delivery' ? { address: { text: draft.addressText.trim(), lat: pin.lat, lng: pin.lng } } : {}),
    ...(draft.type === 'dine-in' && table ? { table } : {}),
    ...(notes ? { notes } : {}),
    payment: { method: cardOffered && draft.payment === 'card' ? 'card' : 'cash' },
  };
  return ok(request);
}

const CODE_FIELDS: Readonly<Record<string, CheckoutField>> = {
  outlet_closed: 'outlet',
  outlet_paused: 'outlet',
  order_type_unavailable: 'type',
  address_required: 'address',
  outside_zone: 'address',
  table_required: 'table',
  unknown_table: 'table',
  invalid_phone: 'phone',
  above_maximum: 'cart',
  unknown_item: 'cart',
  item_unavailable: 'cart',
  invalid_modifiers: 'cart',
  bad_quantity: 'cart',
  below_minimum: 'cart',
  empty_cart: 'cart',
};

/** `invalid_body` messages start with the path of the bad field ("customer.phone: …"). */
const PATH_FIELDS: readonly (readonly [string, CheckoutField])[] = [
  ['customer.name', 'name'],
  ['customer.phone', 'phone'],
  ['address', 'address'],
  ['table', 'table'],
  ['notes', 'notes'],
  ['items', 'cart'],
  ['type', 'type'],
];

/** Which field a server refusal belongs next to, and its message as the customer should read it. */
export function placeRefusal(code: string, message: string): { field: CheckoutField; message: string } {
  const direct = CODE_FIELDS[code];
  if (direct) return { field: direct, message };
  if (code === 'invalid_body') {
    const match = /^([\w.]+): (.*)$/s.exec(message);
    const path = match?.[1] ?? '';
    const found = PATH_FIELDS.find(([prefix]) => path === prefix || path.startsWith(`${prefix}.`));
    if (found && match?.[2]) return { field: found[1], message: match[2] };
  }
  return { field: 'form', message };
}
