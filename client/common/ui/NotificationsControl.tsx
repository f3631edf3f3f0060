import { useId } from 'react';
import type { PushStatus } from '../push/devicePush';

/**
 * "Turn on notifications" and what it became: on (with a way to turn them off), off, blocked by the
 * browser (only the site settings can undo that, so no button), or not available here. A button,
 * not a switch, because turning them on asks the browser first and can fail.
 */
export function NotificationsControl({
  status,
  onTurnOn,
  onTurnOff,
}: {
  readonly status: PushStatus;
  readonly onTurnOn: () => void;
  readonly onTurnOff: () => void;
}) {
  const hint = useId();
  switch (status.kind) {
    case 'unavailable':
      return (
        <span className="notifications notifications--muted" role="status">
          {status.reason === 'not-set-up' ? 'Notifications are not set up on this server' : 'This browser cannot show notifications'}
        </span>
      );
    case 'blocked':
      return (
        <span className="notifications notifications--muted" role="status" title="Allow notifications in the browser’s site settings">
          Notifications blocked by the browser
        </span>
      );
    case 'working':
      return (
        <button type="button" className="button button--quiet" disabled aria-busy="true">
          Notifications…
        </button>
      );
    case 'on':
      return (
        <span className="notifications">
          <span role="status">Notifications on</span>
          <button type="button" className="button button--quiet" onClick={onTurnOff}>
            Turn off notifications
          </button>
        </span>
      );
    case 'off':
      return (
        <span className="notifications">
          <button
            type="button"
            className="button button--quiet"
            onClick={onTurnOn}
            {...(status.problem ? { 'aria-describedby': hint } : {})}
          >
            Turn on notifications
          </button>
          {status.problem ? (
            <span id={hint} className="notifications__problem" role="alert">
              {status.problem}
            </span>
          ) : null}
        </span>
      );
  }
}
