import { isRinging, isUrgent } from './ringState';
import type { Ringer } from './useRinger';

/**
 * The new-order alert: who ordered (also read out by screen readers), a way to acknowledge, and
 * a banner when the browser blocks sound, since a silent tablet misses orders.
 */
export function RingBanner({ ringer }: { readonly ringer: Ringer }) {
  const { state, sound } = ringer;
  const ringing = isRinging(state);
  const waiting = state.pending.length;
  return (
    <section
      className="ring"
      aria-label="New order alert"
      data-ringing={ringing}
      data-urgent={isUrgent(state)}
      data-sound={sound}
      data-muted={state.muted}
    >
      {sound === 'blocked' ? (
        <button type="button" className="ring__unlock" onClick={ringer.unlockSound}>
          Sound is blocked — tap to enable
        </button>
      ) : null}
      <div className={ringing ? 'ring__alert ring__alert--on' : 'ring__alert'}>
        <p className="ring__text" role="status" aria-live="assertive">
          {ringing ? state.announcement : ''}
          {ringing && waiting > 1 ? <span className="ring__count"> · {waiting} waiting</span> : null}
          {ringing && state.muted ? <span className="ring__count"> · sound muted</span> : null}
        </p>
        {ringing ? (
          <button type="button" className="button button--primary" onClick={ringer.acknowledge}>
            Acknowledge
          </button>
        ) : null}
      </div>
    </section>
  );
}
