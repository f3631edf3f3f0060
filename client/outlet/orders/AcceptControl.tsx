import { useState } from 'react';
import { FALLBACK_PREP_MINUTES } from './prepTime';

const PREP_CHOICES = [5, 10, 15, 20, 25, 30, 45, 60, 90] as const;

/**
 * Accepting an order promises a time, so the choice sits next to the button. It starts at the
 * outlet's usual prep time plus any busy-mode minutes.
 */
export function AcceptControl({
  orderId,
  defaultMinutes = FALLBACK_PREP_MINUTES,
  onAccept,
}: {
  readonly orderId: string;
  readonly defaultMinutes?: number;
  readonly onAccept: (prepMinutes: number) => void;
}) {
  const [minutes, setMinutes] = useState<number>(defaultMinutes);
  const choices = [...new Set([...PREP_CHOICES, defaultMinutes, minutes])].sort((a, b) => a - b);
  const selectId = `prep-${orderId}`;
  return (
    <div className="accept">
      <label className="field" htmlFor={selectId}>
        <span>Prep time</span>
        <select id={selectId} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {choice} min
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button button--primary" onClick={() => onAccept(minutes)}>
        Accept
      </button>
    </div>
  );
}
