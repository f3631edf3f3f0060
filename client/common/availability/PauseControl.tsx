import { useState } from 'react';
import type { Catalog } from '../../../shared/catalog/outletDoc';
import type { CommandOutcome } from '../commands/commandOutcome';
import { outletTime } from '../time/outletTime';
import { PAUSE_CHOICES, untilOf, type UntilChoice } from './untilChoices';
import { UntilPicker } from './UntilPicker';

const REASONS = ['Kitchen is full', 'Short of staff', 'Equipment problem'] as const;

/** Stops new orders (customers see why and until when); it ends by itself unless staff chose otherwise. */
export function PauseControl({
  catalog,
  now,
  onPause,
  onResume,
}: {
  readonly catalog: Catalog;
  readonly now: number;
  readonly onPause: (until: number | null, reason: string) => CommandOutcome;
  readonly onResume: () => CommandOutcome;
}) {
  const [choice, setChoice] = useState<UntilChoice>(PAUSE_CHOICES[0] ?? { kind: 'manual' });
  const [reason, setReason] = useState<string>(REASONS[0]);
  const [problem, setProblem] = useState<string | null>(null);
  const { paused } = catalog;
  const active = paused !== null && (paused.until === null || paused.until > now);
  const show = (outcome: CommandOutcome): void => setProblem(outcome.ok ? null : outcome.error.message);

  return (
    <section className="card panel" aria-labelledby="pause-title">
      <h2 id="pause-title">New orders</h2>
      {active ? (
        <>
          <p className="panel__state panel__state--bad" role="status">
            Paused {paused.until === null ? 'until someone resumes' : `until ${outletTime(catalog.profile.timezone).time(paused.until)}`}
            {paused.reason ? ` — ${paused.reason}` : ''}
          </p>
          <button type="button" className="button button--primary" onClick={() => show(onResume())}>
            Resume new orders
          </button>
        </>
      ) : (
        <>
          <p className="panel__state" role="status">
            Taking new orders
          </p>
          <UntilPicker legend="Pause for how long?" choices={PAUSE_CHOICES} value={choice} onChange={setChoice} />
          <label className="field">
            <span>Reason customers see</span>
            <select value={reason} onChange={(e) => setReason(e.target.value)}>
              {REASONS.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button--danger"
            onClick={() => show(onPause(untilOf(choice, Date.now(), catalog.profile), reason))}
          >
            Pause new orders
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
