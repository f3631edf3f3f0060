/**
 * An amount typed in the currency's main unit ("250", "249.50") as integer minor units, or null when it
 * is not one. Money is kept in hundredths everywhere (see formatMoney), so at most two decimals.
 */
export function parseMainUnits(text: string): number | null {
  const match = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  const [, whole = '0', fraction = ''] = match;
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Minor units as the main unit for an input's value: 29000 → "290", 24950 → "249.50". */
export const mainUnitsText = (minor: number): string => (minor % 100 === 0 ? String(minor / 100) : (minor / 100).toFixed(2));
