import { describe, expect, it } from 'vitest';
import { agentPhoneSchema, phoneSchema } from '../../../../shared/api/phone';
import { orderRequestSchema, quoteRequestSchema } from '../../../../shared/api/orders';
import { phoneOrderRequestSchema } from '../../../../shared/api/phoneOrder';

const order = {
  outletId: 'demo-outlet',
  type: 'pickup',
  items: [{ itemId: 'dosa', qty: 2 }],
  customer: { name: 'Asha', phone: '+91 98450 12345' },
  payment: { method: 'cash' },
};

describe('the order contract of POST /api/orders', () => {
  it('takes a customer order as the ordering page sends it', () => {
    expect(orderRequestSchema.safeParse(order).success).toBe(true);
  });

  it('refuses more than 100 lines and an order with none', () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => ({ itemId: `i${i}`, qty: 1 }));
    expect(orderRequestSchema.safeParse({ ...order, items: lines(100) }).success).toBe(true);
    expect(orderRequestSchema.safeParse({ ...order, items: lines(101) }).success).toBe(false);
    expect(orderRequestSchema.safeParse({ ...order, items: [] }).error?.issues[0]?.message).toBe('The order has no items.');
  });

  it('refuses an outlet id that is not an id', () => {
    expect(orderRequestSchema.safeParse({ ...order, outletId: 'a:b' }).success).toBe(false);
  });

  it('takes enteredAt only with source "phone"', () => {
    expect(orderRequestSchema.safeParse({ ...order, enteredAt: 1 }).error?.issues[0]?.path).toEqual(['enteredAt']);
    expect(orderRequestSchema.safeParse({ ...order, enteredAt: 1, source: 'phone' }).success).toBe(true);
  });

  it('prices a cart before the customer is named', () => {
    const { customer: _customer, ...cart } = order;
    expect(quoteRequestSchema.safeParse(cart).success).toBe(true);
    expect(orderRequestSchema.safeParse(cart).success).toBe(false);
  });

  it('holds a note to 500 characters and a table to 20', () => {
    expect(orderRequestSchema.safeParse({ ...order, notes: 'x'.repeat(500) }).success).toBe(true);
    expect(orderRequestSchema.safeParse({ ...order, notes: 'x'.repeat(501) }).success).toBe(false);
    expect(orderRequestSchema.safeParse({ ...order, table: 'x'.repeat(21) }).success).toBe(false);
  });
});

describe('a phone order, checked before it is queued', () => {
  const phoneOrder = { ...order, source: 'phone', enteredAt: 1_700_000_000_000 };

  it('refuses quantities the server would refuse as bad_quantity', () => {
    expect(phoneOrderRequestSchema.safeParse(phoneOrder).success).toBe(true);
    expect(phoneOrderRequestSchema.safeParse({ ...phoneOrder, items: [{ itemId: 'dosa', qty: 100 }] }).success).toBe(false);
    expect(phoneOrderRequestSchema.safeParse({ ...phoneOrder, items: [{ itemId: 'dosa', qty: 1.5 }] }).success).toBe(false);
  });

  it('asks staff for the caller’s phone number', () => {
    const parsed = phoneOrderRequestSchema.safeParse({ ...phoneOrder, customer: { name: 'Asha', phone: 'call me' } });
    expect(parsed.error?.issues[0]?.message).toBe('Enter the caller’s phone number.');
  });
});

describe('phone numbers', () => {
  it('takes 6 to 20 digits, spaces, brackets and dashes after an optional +', () => {
    expect(phoneSchema().safeParse(' +91 (984) 501-2345 ').data).toBe('+91 (984) 501-2345');
    expect(phoneSchema().safeParse('12345').success).toBe(false);
    expect(phoneSchema().safeParse('1'.repeat(21)).success).toBe(false);
  });

  it('takes an agent’s longer number on the legacy delivery API, starting with a digit', () => {
    expect(agentPhoneSchema.safeParse('1'.repeat(31)).success).toBe(true);
    expect(agentPhoneSchema.safeParse('(080) 1234').success).toBe(false);
  });
});
