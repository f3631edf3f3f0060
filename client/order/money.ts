import { formatMoney } from '../../shared/money';

/** Prices in the outlet's currency; amounts are integer minor units everywhere. */
export const price = (minor: number, currency: string): string => formatMoney(minor, currency);
