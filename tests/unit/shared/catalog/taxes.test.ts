import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyTaxes, formatRate, taxRuleSchema, type TaxRule } from '../../../../shared/catalog/taxes';
import { money } from '../../../../shared/money';

const rule = (over: Partial<TaxRule> & Pick<TaxRule, 'rateBasisPoints' | 'inclusive'>): TaxRule => ({
  id: 'tax',
  name: 'Tax',
  onDeliveryFee: false,
  ...over,
});

describe('applyTaxes', () => {
  it('charges nothing when the outlet has no tax settings', () => {
    expect(applyTaxes([], money(12_345), money(4_000))).toEqual({ taxes: [], added: 0 });
  });

  it('rounds each exclusive tax to the nearest minor unit, halves up', () => {
    // 2.5 % of ₹1.10 is 2.75 paise → 3; of ₹1.00 is 2.5 paise → 3; of ₹0.90 is 2.25 paise → 2.
    const cgst = [rule({ rateBasisPoints: 250, inclusive: false })];
    expect(applyTaxes(cgst, money(110), money(0)).added).toBe(3);
    expect(applyTaxes(cgst, money(100), money(0)).added).toBe(3);
    expect(applyTaxes(cgst, money(90), money(0)).added).toBe(2);
  });

  it('taxes the delivery fee only for a rule that says so', () => {
    const onFood = rule({ name: 'GST', rateBasisPoints: 500, inclusive: false });
    const onAll = rule({ name: 'Service', rateBasisPoints: 1_800, inclusive: false, onDeliveryFee: true });
    const { taxes, added } = applyTaxes([onFood, onAll], money(20_000), money(4_000));
    expect(taxes.map((t) => t.amount)).toEqual([1_000, 4_320]);
    expect(added).toBe(5_320);
  });

  it('finds inclusive taxes inside the prices and adds nothing for them', () => {
    // €12.00 with 20 % VAT inside: €10.00 net, €2.00 VAT.
    const vat = rule({ name: 'VAT', rateBasisPoints: 2_000, inclusive: true });
    expect(applyTaxes([vat], money(1_200), money(500))).toEqual({
      taxes: [{ name: 'VAT', rateBasisPoints: 2_000, inclusive: true, amount: 200 }],
      added: 0,
    });
  });

  it('splits prices among several inclusive taxes without counting more than the prices hold', () => {
    const halves = [
      rule({ id: 'cgst', name: 'CGST', rateBasisPoints: 250, inclusive: true }),
      rule({ id: 'sgst', name: 'SGST', rateBasisPoints: 250, inclusive: true }),
    ];
    // ₹105.00 with 5 % GST inside: ₹100.00 net, ₹2.50 each.
    expect(applyTaxes(halves, money(10_500), money(0)).taxes.map((t) => t.amount)).toEqual([250, 250]);
  });

  it('keeps every inclusive split within a minor unit per tax of the exact share, for any prices and rates', () => {
    const rules = fc.array(
      fc.record({
        rateBasisPoints: fc.integer({ min: 1, max: 5_000 }),
        onDeliveryFee: fc.boolean(),
      }),
      { minLength: 1, maxLength: 5 },
    );
    fc.assert(
      fc.property(rules, fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (drafts, subtotal, fee) => {
        const inclusive = drafts.map((d, i) => rule({ ...d, id: `t${i}`, inclusive: true }));
        const { taxes, added } = applyTaxes(inclusive, money(subtotal), money(fee));
        expect(added).toBe(0);
        const all = drafts.reduce((sum, d) => sum + d.rateBasisPoints, 0);
        const onFee = drafts.filter((d) => d.onDeliveryFee).reduce((sum, d) => sum + d.rateBasisPoints, 0);
        const exactTax = subtotal - (subtotal * 10_000) / (10_000 + all) + (fee - (fee * 10_000) / (10_000 + onFee));
        const total = taxes.reduce((sum, t) => sum + t.amount, 0);
        expect(Math.abs(total - exactTax)).toBeLessThanOrEqual(taxes.length);
        expect(total).toBeLessThanOrEqual(subtotal + fee);
        for (const t of taxes) expect(Number.isSafeInteger(t.amount)).toBe(true);
      }),
    );
  });
});

describe('tax settings', () => {
  it('accept a rate from 0.01 % to 50 % in whole basis points', () => {
    const parse = (rateBasisPoints: number) =>
      taxRuleSchema.safeParse({ id: 'gst', name: 'GST', rateBasisPoints, inclusive: false }).success;
    expect([1, 500, 5_000].map(parse)).toEqual([true, true, true]);
    expect([0, 5_001, 2.5, -100].map(parse)).toEqual([false, false, false, false]);
  });

  it('show a rate as people write it', () => {
    expect([500, 250, 1_225, 2_000].map(formatRate)).toEqual(['5%', '2.5%', '12.25%', '20%']);
  });
});
