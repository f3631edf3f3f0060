import { useCallback } from 'react';
import { majorText, minorDigits, minorUnitsOf } from '../model/outlets/moneyText';
import { ParsedField } from './ParsedField';

/** A price typed in the currency's main unit ("120.50") and kept in integer minor units. */
export function MoneyField({
  label,
  minor,
  currency,
  onChange,
}: {
  readonly label: string;
  readonly minor: number;
  readonly currency: string;
  readonly onChange: (minor: number) => void;
}) {
  const format = useCallback((m: number) => majorText(m, currency), [currency]);
  const parse = useCallback((text: string) => minorUnitsOf(text, currency), [currency]);
  const digits = minorDigits(currency);
  return (
    <ParsedField
      label={`${label} (${currency})`}
      value={minor}
      format={format}
      parse={parse}
      invalid={digits === 0 ? 'Use a whole amount, such as 120.' : `Use an amount such as 120 or 120.${'5'.padEnd(digits, '0')}.`}
      onChange={onChange}
    />
  );
}
