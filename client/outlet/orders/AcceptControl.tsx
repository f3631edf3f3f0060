import { useState } from 'react';

const PREP_CHOICES = [5, 10, 15, 20, 30, 45, 60] as const;
export const DEFAULT_PREP_MINUTES = 15;

/** Accepting an order promises a time, so the choice sits next to the button. */
export function AcceptControl({ orderId, onAccept }: { readonly orderId: string; readonly onAccept: (prepMinutes: number) => void }) {
  const [minutes, setMinutes] = useState<number>(DEFAULT_PREP_MINUTES);
  const selectId = `prep-${orderId}`;
  return (
    <>
      <label className="field" htmlFor={selectId}>
        <span>Prep time</span>
        <select id={selectId} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
          {PREP_CHOICES.map((choice) => (
            <option key={choice} value={choice}>{choice} min</option>
          ))}
        </select>
      </label>
      <button type="button" className="button button--primary" onClick={() => onAccept(minutes)}>Accept</button>
    </>
  );
}
