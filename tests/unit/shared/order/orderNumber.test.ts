import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newOrderId, OrderIdSchema } from '../../../../shared/ids';
import { ORDER_NUMBER_ALPHABET, orderNumber, orderNumberQuery, randomOrderNumber } from '../../../../shared/order/orderNumber';

describe('order numbers', () => {
  it('are five characters staff can say: no symbols, no lower case, no look-alikes', () => {
    for (let i = 0; i < 500; i += 1) {
      const id = newOrderId();
      expect(OrderIdSchema.safeParse(id).success).toBe(true);
      expect(id).toHaveLength(22);
      expect(orderNumber(id)).toMatch(/^#[34679ACDEFHJKMNPQRTUVWXY]{5}$/);
    }
    for (const lookAlike of '0O1IL2Z5SG8B-_') expect(ORDER_NUMBER_ALPHABET).not.toContain(lookAlike);
  });

  it('draw every character of the alphabet about equally often', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 4_000; i += 1) for (const ch of randomOrderNumber()) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect([...counts.keys()].sort().join('')).toBe([...ORDER_NUMBER_ALPHABET].sort().join(''));
    // 20,000 draws over 24 characters: ~833 each; a skew like b % 24 over all 256 bytes would give some 10 % more.
    for (const n of counts.values()) expect(Math.abs(n - 20_000 / 24)).toBeLessThan(150);
  });

  it('show the first six characters of an id from before readable numbers, as they always did', () => {
    expect(orderNumber('-BTFSs9x0aQ')).toBe('#-BTFSs');
    expect(orderNumber('abcdefghij')).toBe('#abcdef');
  });

  it('are found as staff type them: with or without #, in any case, in part', () => {
    expect(orderNumberQuery('#k7m3x')).toBe('K7M3X');
    expect(orderNumberQuery(' k7m ')).toBe('K7M');
    expect(orderNumberQuery('Ravi')).toBeNull();
    expect(orderNumberQuery('K7M3XA')).toBeNull();
    fc.assert(fc.property(fc.constantFrom(...[...'34679ACDEFHJKMNPQRTUVWXY']), (ch) => orderNumberQuery(ch.toLowerCase()) === ch));
  });
});
