import { useEffect, useRef, useState } from 'react';
import { parseCoordinate, type CoordinateAxis } from '../../../model/outlets/coordinateText';

interface Props {
  readonly id: string;
  readonly axis: CoordinateAxis;
  /** The accessible name, "Point 2 latitude"; the visible label is the shorter "Latitude". */
  readonly label: string;
  readonly value: number;
  /** The point is part of what makes the zone unusable (a crossing, a repeat). */
  readonly flagged: boolean;
  readonly onCommit: (value: number) => void;
}

const VISIBLE: Readonly<Record<CoordinateAxis, string>> = { lat: 'Latitude', lng: 'Longitude' };

/**
 * One coordinate of a point, in degrees. What is typed goes to the zone as soon as it reads as a
 * coordinate; until then it stays in the field with the reason beside it. A value changed elsewhere (a
 * point dragged on the map, one removed above) replaces the field's text unless the admin is typing in it.
 */
export function CoordinateField({ id, axis, label, value, flagged, onCommit }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (document.activeElement === input.current) return;
    setDraft(null);
    setError(null);
  }, [value]);

  const type = (text: string) => {
    setDraft(text);
    const parsed = parseCoordinate(text, axis);
    if (!parsed.ok) {
      setError(parsed.error.message);
      return;
    }
    setError(null);
    if (parsed.value !== value) onCommit(parsed.value);
  };

  return (
    <label className="field zone-points__field">
      <span aria-hidden="true">{VISIBLE[axis]}</span>
      <input
        ref={input}
        id={id}
        type="number"
        inputMode="decimal"
        step="0.000001"
        min={axis === 'lat' ? -90 : -180}
        max={axis === 'lat' ? 90 : 180}
        aria-label={label}
        aria-invalid={error !== null || flagged ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        value={draft ?? String(value)}
        onChange={(event) => type(event.currentTarget.value)}
        onBlur={() => {
          if (error === null) setDraft(null);
        }}
      />
      {error ? (
        <span id={`${id}-error`} className="error zone-points__error">
          {error}
        </span>
      ) : null}
    </label>
  );
}
