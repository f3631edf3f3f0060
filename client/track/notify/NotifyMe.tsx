import { useId } from 'react';
import type { NotifyStatus } from './trackNotifier';

/**
 * "Notify me": a notification on this phone when the order is accepted, on its way, delivered or
 * in trouble, without an account. Not shown where this browser or build cannot do it.
 */
export function NotifyMe({
  status,
  onTurnOn,
  onTurnOff,
}: {
  readonly status: NotifyStatus;
  readonly onTurnOn: () => void;
  readonly onTurnOff: () => void;
}) {
  const problemId = useId();
  if (status.kind === 'hidden') return null;
  const problem = status.kind === 'off' || status.kind === 'on' ? status.problem : null;
  return (
    <section className="card track__notify" aria-label="Notifications">
      {status.kind === 'on' ? (
        <>
          <p role="status">We’ll notify you on this phone when your order moves on.</p>
          <button
            type="button"
            className="button button--quiet"
            onClick={onTurnOff}
            {...(problem ? { 'aria-describedby': problemId } : {})}
          >
            Stop notifications
          </button>
        </>
      ) : status.kind === 'blocked' ? (
        <p role="status">Notifications are blocked for this site in your browser’s settings.</p>
      ) : (
        <>
          <p>Get a notification when your order is accepted, on its way and delivered.</p>
          <button
            type="button"
            className="button button--primary"
            onClick={onTurnOn}
            disabled={status.kind === 'working'}
            aria-busy={status.kind === 'working'}
            {...(problem ? { 'aria-describedby': problemId } : {})}
          >
            Notify me
          </button>
        </>
      )}
      {problem ? (
        <p id={problemId} className="error" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
