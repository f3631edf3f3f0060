/** Prep times move in steps of five minutes, as kitchens promise them, within what an accepted event carries. */
const STEP = 5;
const MIN_MINUTES = 5;
const MAX_MINUTES = 240;

/** The next time a press of − or + gives: snapped to the five-minute grid, so 17 goes to 15 or 20. */
export function steppedPrep(minutes: number, direction: -1 | 1): number {
  const snapped = direction > 0 ? Math.floor(minutes / STEP) * STEP + STEP : Math.ceil(minutes / STEP) * STEP - STEP;
  return Math.min(MAX_MINUTES, Math.max(MIN_MINUTES, snapped));
}

/**
 * A prep time chosen with two big buttons a wet or gloved finger hits first time: "− 20 min +".
 * The value is read out (`output`, `aria-live`) as it changes.
 */
export function PrepStepper({
  label,
  minutes,
  onChange,
}: {
  readonly label: string;
  readonly minutes: number;
  readonly onChange: (minutes: number) => void;
}) {
  return (
    <fieldset className="prep-stepper">
      <legend>{label}</legend>
      <button
        type="button"
        className="button prep-stepper__button"
        aria-label={`${label}: 5 minutes less`}
        disabled={minutes <= MIN_MINUTES}
        onClick={() => onChange(steppedPrep(minutes, -1))}
      >
        −
      </button>
      <output className="prep-stepper__value" aria-live="polite">
        {minutes} min
      </output>
      <button
        type="button"
        className="button prep-stepper__button"
        aria-label={`${label}: 5 minutes more`}
        disabled={minutes >= MAX_MINUTES}
        onClick={() => onChange(steppedPrep(minutes, 1))}
      >
        +
      </button>
    </fieldset>
  );
}
