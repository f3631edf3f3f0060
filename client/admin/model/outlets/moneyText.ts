/** Digits after the point in `currency` (INR 2, JPY 0, KWD 3), as Intl knows them. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** A price as an admin types it ("120", "120.5", "1,200.50") in integer minor units, or null when it is not one. */
export function minorUnitsOf(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const plain = text.trim().replace(/,/g, '');
  const match = /^(\d{1,9})(?:\.(\d*))?$/.exec(plain);
  if (!match) return null;
  const [, whole = '0', fraction = ''] = match;
  if (fraction.length > digits) return null;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** Minor units as the input shows them: "120.50" for INR, "1200" for JPY. */
export function majorText(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  return digits === 0 ? String(minor) : (minor / 10 ** digits).toFixed(digits);
}
