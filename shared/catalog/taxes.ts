import { z } from 'zod';
import { ID_PATTERN } from '../ids';
import { addMoney, money, MoneySchema, ZERO, type Money } from '../money';

/** Basis points: 500 is 5 %. Whole basis points keep every tax figure an integer computation. */
const BASIS = 10_000;

/**
 * One tax an outlet charges, as its accountant states it: GST 5 % on top of menu prices (India), or VAT
 * 20 % already inside them (Europe). `onDeliveryFee`: whether the delivery fee is taxed too.
 */
export const taxRuleSchema = z.object({
  id: z.string().regex(ID_PATTERN),
  name: z.string().trim().min(1).max(40),
  rateBasisPoints: z.number().int().min(1).max(5_000),
  inclusive: z.boolean(),
  onDeliveryFee: z.boolean().default(false),
});
export type TaxRule = z.infer<typeof taxRuleSchema>;

/** A tax as one order was charged it: written into the order's header, shown on its receipt. */
export const taxLineSchema = z.object({
  name: z.string(),
  rateBasisPoints: z.number().int(),
  /** Already part of the prices (shown as "includes"), or added to the total. */
  inclusive: z.boolean(),
  amount: MoneySchema,
});
export type TaxLine = z.infer<typeof taxLineSchema>;

export interface TaxedTotals {
  readonly taxes: TaxLine[];
  /** What the exclusive taxes add to subtotal + delivery fee; inclusive ones add nothing. */
  readonly added: Money;
}

/** "5%", "2.5%", "12.25%": a rate as people write it. */
export function formatRate(rateBasisPoints: number): string {
  return `${(rateBasisPoints / 100).toLocaleString('en', { maximumFractionDigits: 2 })}%`;
}

/** How a receipt names a tax line: "GST 5%", or "Includes VAT 20%" for one already inside the prices. */
export function taxLabel(line: Pick<TaxLine, 'name' | 'rateBasisPoints' | 'inclusive'>): string {
  const named = `${line.name} ${formatRate(line.rateBasisPoints)}`;
  return line.inclusive ? `Includes ${named}` : named;
}

/** n / d rounded half up, in integers (BigInt: base × rate × divisor passes 2^53), so no float drift decides a paisa. */
function roundedDivision(n: bigint, d: bigint): number {
  return Number((n * 2n + d) / (d * 2n));
}

/**
 * The taxes on an order. An exclusive tax is rate × its base. An inclusive one is the part of the prices
 * that is this tax: of the subtotal, rate / (1 + every inclusive rate), since all of them are inside it; of
 * the delivery fee (when taxed), rate / (1 + the inclusive rates on the fee). So inclusive taxes together never
 * count more than the prices hold. Each line is rounded on its own, as a printed receipt shows it.
 */
export function applyTaxes(rules: readonly TaxRule[], subtotal: Money, deliveryFee: Money): TaxedTotals {
  const inclusive = rules.filter((r) => r.inclusive);
  const onAll = BigInt(BASIS + inclusive.reduce((sum, r) => sum + r.rateBasisPoints, 0));
  const onFee = BigInt(BASIS + inclusive.filter((r) => r.onDeliveryFee).reduce((sum, r) => sum + r.rateBasisPoints, 0));
  const items = BigInt(subtotal);
  const fee = BigInt(deliveryFee);
  const taxes = rules.map((rule) => {
    const rate = BigInt(rule.rateBasisPoints);
    const feePart = rule.onDeliveryFee ? fee : 0n;
    const amount = rule.inclusive
      ? roundedDivision(items * rate * onFee + feePart * rate * onAll, onAll * onFee)
      : roundedDivision((items + feePart) * rate, BigInt(BASIS));
    return { name: rule.name, rateBasisPoints: rule.rateBasisPoints, inclusive: rule.inclusive, amount: money(amount) };
  });
  const added = taxes.filter((t) => !t.inclusive).map((t) => t.amount);
  return { taxes, added: added.length === 0 ? ZERO : addMoney(...added) };
}
