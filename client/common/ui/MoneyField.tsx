/**
 * An amount of cash typed in the currency's main unit ("1200", "1199.50"), read with parseMainUnits:
 * a numeric keyboard on phones and tablets, nothing remembered by the browser.
 */
export function MoneyField({
  label,
  value,
  placeholder,
  onChange,
}: {
  readonly label: string;
  readonly value: string;
  readonly placeholder?: string;
  readonly onChange: (text: string) => void;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        inputMode="decimal"
        autoComplete="off"
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        maxLength={10}
      />
    </label>
  );
}
