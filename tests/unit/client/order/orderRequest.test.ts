import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, type CartState } from '../../../../client/order/cart/cartStore';
import { buildOrderRequest, placeRefusal } from '../../../../client/order/checkout/orderRequest';

const outletPin = { lat: 12.9756, lng: 77.6066 };
const outlet = { currency: 'INR', tables: ['T1', 'T4'] };
const cart = (draft: Partial<CartState['draft']>): CartState => ({
  lines: [
    { key: 'k', itemId: 'masala-dosa', qty: 2, modifiers: [{ groupId: 'chutney', optionId: 'coconut' }] },
    { key: 'p', itemId: 'plain-dosa', qty: 1, modifiers: [] },
  ],
  draft: { ...EMPTY_DRAFT, name: ' Asha ', phone: '+91 98450 12345', ...draft },
  pending: null,
});

describe('buildOrderRequest', () => {
  it('asks for card only while the server offers it, and cash otherwise', () => {
    const card = cart({ type: 'pickup', payment: 'card' });
    const method = (offered: boolean) => {
      const built = buildOrderRequest('demo-outlet', card, outletPin, outlet, offered);
      return built.ok ? built.value.payment.method : null;
    };
    expect(method(true)).toBe('card');
    expect(method(false)).toBe('cash');
  });

  it('builds a delivery order with the pin at the outlet until the customer moves it', () => {
    const built = buildOrderRequest('demo-outlet', cart({ addressText: '4 Church St' }), outletPin, outlet);
    expect(built).toEqual({
      ok: true,
      value: {
        outletId: 'demo-outlet',
        type: 'delivery',
        items: [
          { itemId: 'masala-dosa', qty: 2, modifiers: [{ groupId: 'chutney', optionId: 'coconut' }] },
          { itemId: 'plain-dosa', qty: 1 },
        ],
        customer: { name: 'Asha', phone: '+91 98450 12345' },
        address: { text: '4 Church St', lat: 12.9756, lng: 77.6066 },
        payment: { method: 'cash' },
      },
    });
  });

  it('sends the table for dine-in and no address', () => {
    const built = buildOrderRequest(
      'o',
      cart({ type: 'dine-in', table: 'T4', addressText: 'ignored', notes: ' extra spicy ' }),
      outletPin,
      outlet,
    );
    expect(built.ok && built.value).toMatchObject({ type: 'dine-in', table: 'T4', notes: 'extra spicy' });
    expect(built.ok && 'address' in built.value).toBe(false);
  });

  it('names every field to fix before asking the server', () => {
    const built = buildOrderRequest('o', { ...cart({ name: '', phone: 'call me', type: 'delivery' }), lines: [] }, outletPin, outlet);
    expect(built.ok).toBe(false);
    expect(!built.ok && Object.keys(built.error.details.fields).sort()).toEqual(['address', 'cart', 'name', 'phone']);
    const dineIn = buildOrderRequest('o', cart({ type: 'dine-in' }), outletPin, outlet);
    expect(!dineIn.ok && dineIn.error.details.fields.table).toBe('Enter your table number.');
    expect(!dineIn.ok && dineIn.error).toMatchObject({ code: 'checkout_incomplete', message: 'Enter your table number.' });
  });

  it("refuses at the field a phone no one can call and a table that is not the outlet's", () => {
    for (const phone of ['99999999999999999999', '0000000']) {
      const built = buildOrderRequest('o', cart({ type: 'pickup', phone }), outletPin, outlet);
      expect(!built.ok && built.error.details.fields.phone, phone).toMatch(/phone number the restaurant can call/);
    }
    const zz = buildOrderRequest('o', cart({ type: 'dine-in', table: 'ZZ-999' }), outletPin, outlet);
    expect(!zz.ok && zz.error.details.fields.table).toMatch(/no table "ZZ-999"/);
    // A local number is read in the outlet's country; a table as typed is sent as the outlet names it.
    const fine = buildOrderRequest('o', cart({ type: 'dine-in', table: 't4', phone: '98450 12345' }), outletPin, outlet);
    expect(fine.ok && fine.value).toMatchObject({ table: 'T4', customer: { phone: '98450 12345' } });
  });
});

describe('placeRefusal', () => {
  it("puts each server refusal next to the field it is about, in the server's words", () => {
    expect(placeRefusal('outside_zone', 'Dabba Demo Kitchen does not deliver to this address.')).toEqual({
      field: 'address',
      message: 'Dabba Demo Kitchen does not deliver to this address.',
    });
    expect(placeRefusal('below_minimum', 'The minimum is ₹150.').field).toBe('cart');
    expect(placeRefusal('outlet_paused', 'Paused until 14:00.').field).toBe('outlet');
    expect(placeRefusal('order_type_unavailable', 'No dine-in.').field).toBe('type');
    expect(placeRefusal('invalid_modifiers', 'Masala Dosa: choose 1 to 2 of "Chutney".').field).toBe('cart');
  });

  it('reads the field of a body error from its path', () => {
    expect(placeRefusal('invalid_body', 'customer.phone: Enter a phone number.')).toEqual({
      field: 'phone',
      message: 'Enter a phone number.',
    });
    expect(placeRefusal('invalid_body', 'address.text: Too small')).toEqual({ field: 'address', message: 'Too small' });
  });

  it('keeps anything else for the form as a whole', () => {
    expect(placeRefusal('rate_limited', 'Too many attempts; try again in 30 s.')).toEqual({
      field: 'form',
      message: 'Too many attempts; try again in 30 s.',
    });
  });
});
