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

// Building an Intl.NumberFormat costs far more than using one; screens format hundreds of amounts per render.
const formats = new Map<string, Intl.NumberFormat>();

function formatOf(currency: string, locale: string, whole: boolean): Intl.NumberFormat {
  const key = `${locale}|${currency}|${whole ? 'whole' : 'minor'}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
    });
    formats.set(key, format);
  }
  return format;
}

export function formatMoney(amount: Money | number, currency = 'INR', locale = 'en-IN'): string {
  return formatOf(currency, locale, false).format(amount / 100);
}

/** For a line with little room (a notification): a whole amount without its zero minor units ("₹330"; "₹330.50" stays). */
export function formatMoneyShort(amount: Money | number, currency = 'INR', locale = 'en-IN'): string {
  return formatOf(currency, locale, amount % 100 === 0).format(amount / 100);
}
