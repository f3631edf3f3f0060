import { z } from 'zod';

/** Money in integer minor units (paise, cents). Never a float. */
export const MoneySchema = z.number().int().min(0).max(100_000_000).brand<'Money'>();
export type Money = z.infer<typeof MoneySchema>;

export function money(minor: number): Money {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`money must be an integer of minor units, got ${minor}`);
  return minor as Money;
}

export const ZERO = money(0);

export function addMoney(...amounts: readonly Money[]): Money {
  return money(amounts.reduce<number>((sum, m) => sum + m, 0));
}

export function multiplyMoney(amount: Money, qty: number): Money {
  if (!Number.isSafeInteger(qty)) throw new RangeError(`quantity must be an integer, got ${qty}`);
  return money(amount * qty);
}

export function formatMoney(amount: Money | number, currency = 'INR', locale = 'en-IN'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount / 100);
}
