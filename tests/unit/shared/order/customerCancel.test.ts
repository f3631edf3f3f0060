import { describe, expect, it } from 'vitest';
import { customerCancelRequestSchema } from '../../../../shared/api/trackCancel';
import { canCustomerCancel, customerCancelReason, customerCancelRefusal } from '../../../../shared/order/customerCancel';
import { ORDER_STATUSES } from '../../../../shared/order/status';

describe('a customer cancelling from the tracking link', () => {
  it('may cancel a cash order only while it is placed', () => {
    const allowed = ORDER_STATUSES.filter((status) => canCustomerCancel({ status, paymentMethod: 'cash' }));
    expect(allowed).toEqual(['placed']);
  });

  it('is told the kitchen accepted it once it is in the kitchen or on its way', () => {
    for (const status of ['accepted', 'preparing', 'ready', 'picked_up'] as const)
      expect(customerCancelRefusal({ status, paymentMethod: 'cash' })?.code).toBe('order_accepted');
  });

  it('is told a finished order is finished', () => {
    for (const status of ['delivered', 'rejected', 'cancelled', 'failed'] as const)
      expect(customerCancelRefusal({ status, paymentMethod: 'cash' })?.code).toBe('order_finished');
  });

  it('is sent to the restaurant for a card order, paid or not yet', () => {
    for (const status of ['awaiting_payment', 'placed'] as const) {
      const refusal = customerCancelRefusal({ status, paymentMethod: 'card' });
      expect(refusal?.code).toBe('paid_by_card');
      expect(refusal?.message).toMatch(/call the restaurant/i);
    }
  });

  it('records who cancelled in the reason, with what the customer said, trimmed', () => {
    expect(customerCancelReason()).toBe('Cancelled by the customer');
    expect(customerCancelReason('   ')).toBe('Cancelled by the customer');
    expect(customerCancelReason('  Wrong address ')).toBe('Cancelled by the customer: Wrong address');
  });

  it('accepts an empty body or a short reason, and nothing else', () => {
    expect(customerCancelRequestSchema.safeParse({}).success).toBe(true);
    expect(customerCancelRequestSchema.safeParse({ reason: 'Changed my mind' }).success).toBe(true);
    expect(customerCancelRequestSchema.safeParse({ reason: ' ' }).success).toBe(false);
    expect(customerCancelRequestSchema.safeParse({ reason: 'x'.repeat(201) }).success).toBe(false);
    expect(customerCancelRequestSchema.safeParse({ by: 'outlet' }).success).toBe(false);
  });
});
