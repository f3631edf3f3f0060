import type { Closure } from '../../../../../shared/catalog/menu';
import { nextZonedDay, startOfZonedDay, wallClockInput, wallClockInstant } from '../../../../../shared/zonedTime';

type Closures = Closure[];

/**
 * One-off closures (a holiday, a renovation), from and until a time on the outlet's clock. While one
 * is on, customers are told the outlet is closed and until when.
 */
export function ClosuresEditor({
  closures,
  timeZone,
  onChange,
}: {
  readonly closures: Closures;
  readonly timeZone: string;
  readonly onChange: (change: (closures: Closures) => Closures) => void;
}) {
  const change = (index: number, next: Partial<Closure>) => onChange((list) => list.map((c, i) => (i === index ? { ...c, ...next } : c)));
  const addTomorrow = () => {
    const from = nextZonedDay(Date.now(), timeZone);
    onChange((list) => [...list, { from, until: nextZonedDay(from, timeZone), reason: '' }]);
  };
  return (
    <fieldset className="closures">
      <legend>Closures</legend>
      {closures.length === 0 ? <p className="muted">No closures planned.</p> : null}
      {closures.map((closure, index) => (
        <div key={index} className="closures__row">
          <label className="field">
            <span>Closure {index + 1} from</span>
            <input
              type="datetime-local"
              value={wallClockInput(closure.from, timeZone)}
              onChange={(e) => {
                const from = wallClockInstant(e.currentTarget.value, timeZone);
                if (from !== null) change(index, { from });
              }}
            />
          </label>
          <label className="field">
            <span>Closure {index + 1} until</span>
            <input
              type="datetime-local"
              value={wallClockInput(closure.until, timeZone)}
              aria-invalid={closure.until <= closure.from}
              onChange={(e) => {
                const until = wallClockInstant(e.currentTarget.value, timeZone);
                if (until !== null) change(index, { until });
              }}
            />
          </label>
          <label className="field">
            <span>Closure {index + 1} reason (customers see it)</span>
            <input value={closure.reason} maxLength={200} onChange={(e) => change(index, { reason: e.currentTarget.value })} />
          </label>
          <button
            type="button"
            className="button button--quiet"
            aria-label={`Remove closure ${index + 1}`}
            onClick={() => onChange((list) => list.filter((_, i) => i !== index))}
          >
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="button" onClick={addTomorrow}>
        Add a closure
      </button>
      {closures.some((c) => c.until < startOfZonedDay(Date.now(), timeZone)) ? (
        <button type="button" className="button button--quiet" onClick={() => onChange((list) => list.filter((c) => c.until > Date.now()))}>
          Remove past closures
        </button>
      ) : null}
    </fieldset>
  );
}
