export interface Choice<T extends string> {
  readonly value: T;
  readonly label: string;
}

/**
 * A labelled select over known choices; what it hands back is one of them (or null for `none`), so
 * callers never parse the option's text. `none` is the label of the empty choice, when there is one.
 */
export function SelectField<T extends string>({
  label,
  value,
  choices,
  none = null,
  onChange,
}: {
  readonly label: string;
  readonly value: T | null;
  readonly choices: readonly Choice<T>[];
  readonly none?: string | null;
  readonly onChange: (value: T | null) => void;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(e) => onChange(choices.find((c) => c.value === e.currentTarget.value)?.value ?? null)}>
        {none === null ? null : <option value="">{none}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Outlets as choices, by the names the catalog gives them. */
export const outletChoices = <T extends string>(outlets: readonly { readonly id: T; readonly name: string }[]): readonly Choice<T>[] =>
  outlets.map((o) => ({ value: o.id, label: o.name }));
