import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZERO, addMoney, formatMoney, formatMoneyShort, money, multiplyMoney } from '../../../shared/money';

const notWholeOrExact = [0.5, -1.25, 100.000001, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 53];

describe('money', () => {
  it('holds whole minor units', () => {
    expect(money(0)).toBe(0);
    expect(money(12_345)).toBe(12_345);
    expect(ZERO).toBe(0);
  });

  it.each(notWholeOrExact)('refuses %d as an amount', (value) => {
    expect(() => money(value)).toThrow(RangeError);
  });

  it('refuses any fractional amount', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true }).filter((x) => !Number.isInteger(x)),
        (value) => {
          expect(() => money(value)).toThrow(RangeError);
        },
      ),
    );
  });

  it('adds and multiplies exactly, staying integer', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000_000 }), { maxLength: 20 }),
        fc.integer({ min: 0, max: 99 }),
        (amounts, qty) => {
          const sum = addMoney(...amounts.map(money));
          expect(sum).toBe(amounts.reduce((a, b) => a + b, 0));
          expect(multiplyMoney(sum, qty)).toBe(sum * qty);
          expect(Number.isSafeInteger(multiplyMoney(sum, qty))).toBe(true);
        },
      ),
    );
    expect(addMoney()).toBe(0);
  });

  it('refuses a fractional quantity, and a product too large to be exact', () => {
    expect(() => multiplyMoney(money(100), 1.5)).toThrow(RangeError);
    expect(() => multiplyMoney(money(100), Number.NaN)).toThrow(RangeError);
    expect(() => multiplyMoney(money(2 ** 30), 2 ** 30)).toThrow(RangeError);
  });

  it('formats minor units as the currency, in Indian style by default', () => {
    expect(formatMoney(money(12_345))).toBe('₹123.45');
    expect(formatMoney(money(10_000_000))).toBe('₹1,00,000.00');
    expect(formatMoney(money(199), 'USD', 'en-US')).toBe('$1.99');
  });
});

describe('formatMoneyShort', () => {
  it('leaves out zero paise, and keeps any others', () => {
    expect(formatMoneyShort(33_000)).toBe('₹330');
    expect(formatMoneyShort(33_050)).toBe('₹330.50');
    expect(formatMoneyShort(12_345_600)).toBe('₹1,23,456');
    expect(formatMoney(33_000)).toBe('₹330.00');
  });
});
