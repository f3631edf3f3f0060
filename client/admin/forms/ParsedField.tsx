import { useEffect, useId, useState } from 'react';

/**
 * A labelled text input for a value that is not text (a price, a coordinate, a count). What is
 * typed stays as typed while it does not parse, marked invalid with the reason; the value changes
 * only when it does. A change of the value from outside shows while the input is not being edited.
 */
export function ParsedField<T>({
  label,
  value,
  format,
  parse,
  invalid,
  onChange,
  inputMode = 'decimal',
  hint,
}: {
  readonly label: string;
  readonly value: T;
  readonly format: (value: T) => string;
  readonly parse: (text: string) => T | null;
  /** Why a text does not parse, in words ("use a price such as 120.50"). */
  readonly invalid: string;
  readonly onChange: (value: T) => void;
  readonly inputMode?: 'decimal' | 'numeric';
  readonly hint?: string;
}) {
  const [text, setText] = useState(() => format(value));
  const [editing, setEditing] = useState(false);
  const errorId = useId();
  useEffect(() => {
    if (!editing) setText(format(value));
  }, [editing, format, value]);
  const bad = parse(text) === null;
  return (
    <label className="field">
      <span>{label}</span>
      <input
        value={text}
        inputMode={inputMode}
        aria-invalid={bad}
        aria-describedby={bad ? errorId : undefined}
        onFocus={() => setEditing(true)}
        onBlur={() => setEditing(false)}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          const parsed = parse(next);
          if (parsed !== null) onChange(parsed);
        }}
      />
      {bad ? (
        <small id={errorId} className="field__error">
          {invalid}
        </small>
      ) : hint ? (
        <small className="muted">{hint}</small>
      ) : null}
    </label>
  );
}
