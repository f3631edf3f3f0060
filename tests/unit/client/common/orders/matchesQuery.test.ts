import { describe, expect, it } from 'vitest';
import { matchesQuery } from '../../../../../client/common/orders/matchesQuery';

const order = { id: 'Xy12abCD', customerName: 'Meera Nair', customerPhone: '+91 98450-11111' };

describe('matchesQuery', () => {
  it('matches part of the name in any case, the phone number by its digits, or the order number', () => {
    expect(matchesQuery(order, 'nair')).toBe(true);
    expect(matchesQuery(order, '98450 111')).toBe(true);
    expect(matchesQuery(order, '#xy12ab')).toBe(true);
    expect(matchesQuery(order, 'ravi')).toBe(false);
    expect(matchesQuery(order, '  ')).toBe(true);
  });

  it('does not match phone numbers on one or two typed digits', () => {
    expect(matchesQuery(order, '9')).toBe(false);
  });

  it('matches part of any other words the order is listed with', () => {
    const listed = { ...order, also: ['Dabba Demo Kitchen', '22 Residency Road'] };
    expect(matchesQuery(listed, 'demo kit')).toBe(true);
    expect(matchesQuery(listed, 'residency')).toBe(true);
    expect(matchesQuery(order, 'residency')).toBe(false);
  });
});
