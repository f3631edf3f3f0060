import type { TrackView } from '../../shared/track';
import { clockTime } from '../common/ui/clockTime';
import { timelineSteps } from './timeline';

const STATE_WORDS = { done: 'done', current: 'now', upcoming: 'not yet', stopped: 'stopped', skipped: 'skipped' } as const;

/** Each step with its time; the ones still to come are there too, greyed, so the customer sees what is next. */
export function Timeline({ view }: { readonly view: TrackView }) {
  return (
    <ol className="timeline" aria-label="Order progress">
      {timelineSteps(view, clockTime).map((step) => (
        <li
          key={step.key}
          className={`timeline__step timeline__step--${step.state}`}
          aria-current={step.state === 'current' ? 'step' : undefined}
        >
          <span className="timeline__dot" aria-hidden="true" />
          <span className="timeline__label">{step.label}</span>
          <span className="timeline__time">
            {step.at !== null ? clockTime(step.at) : <span className="visually-hidden">{STATE_WORDS[step.state]}</span>}
          </span>
          {step.detail ? <span className="timeline__detail">{step.detail}</span> : null}
        </li>
      ))}
    </ol>
  );
}
