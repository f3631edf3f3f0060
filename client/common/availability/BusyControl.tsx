import { useState } from 'react';
import { busyMinutes, type Catalog } from '../../../shared/catalog/outletDoc';
import type { CommandOutcome } from '../commands/commandOutcome';
import { outletTime } from '../time/outletTime';
import { BUSY_CHOICES, closingOrEndOfDay, untilOf, type UntilChoice } from './untilChoices';
import { UntilPicker } from './UntilPicker';

const EXTRA_CHOICES = [5, 10, 15, 20, 30, 45, 60] as const;

/** Busy mode: every new prep time gets extra minutes, customers are quoted later, and it ends by itself. */
export function BusyControl({
  catalog,
  now,
  onStart,
  onEnd,
}: {
  readonly catalog: Catalog;
  readonly now: number;
  readonly onStart: (extraMinutes: number, until: number) => CommandOutcome;
  readonly onEnd: () => CommandOutcome;
}) {
  const [extra, setExtra] = useState<number>(15);
  const [choice, setChoice] = useState<UntilChoice>(BUSY_CHOICES[1] ?? { kind: 'closing' });
  const [problem, setProblem] = useState<string | null>(null);
  const current = busyMinutes(catalog, now);
  const show = (outcome: CommandOutcome): void => setProblem(outcome.ok ? null : outcome.error.message);
  const start = (): void => {
    const at = Date.now();
    show(onStart(extra, untilOf(choice, at, catalog.profile) ?? closingOrEndOfDay(catalog.profile, at)));
  };

  return (
    <section className="card panel" aria-labelledby="busy-title">
      <h2 id="busy-title">Busy mode</h2>
      {current > 0 && catalog.busy ? (
        <>
          <p className="panel__state panel__state--warn" role="status">
            Busy: +{current} min on every order until {outletTime(catalog.profile.timezone).time(catalog.busy.until)}
          </p>
          <button type="button" className="button button--primary" onClick={() => show(onEnd())}>
            End busy mode
          </button>
        </>
      ) : (
        <>
          <p className="panel__state" role="status">
            Normal prep times ({catalog.profile.defaultPrepMinutes} min)
          </p>
          <label className="field">
            <span>Extra prep time</span>
            <select value={extra} onChange={(e) => setExtra(Number(e.target.value))}>
              {EXTRA_CHOICES.map((m) => (
                <option key={m} value={m}>
                  +{m} min
                </option>
              ))}
            </select>
          </label>
          <UntilPicker legend="Busy for how long?" choices={BUSY_CHOICES} value={choice} onChange={setChoice} />
          <button type="button" className="button button--primary" onClick={start}>
            Start busy mode
          </button>
        </>
      )}
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
