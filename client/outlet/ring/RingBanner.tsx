import { orderNumber } from '../../../shared/order/orderNumber';
import { isRinging, isUrgent, waitingText } from './ringState';
import type { Ringer } from './useRinger';

/**
 * The new-order alert: every order waiting, by number (also read out by screen readers), a way to
 * acknowledge them on every device of the outlet, and a banner when the browser blocks sound, since
 * a silent tablet misses orders.
 */
export function RingBanner({ ringer, onAcknowledge }: { readonly ringer: Ringer; readonly onAcknowledge: () => void }) {
  const { state, sound } = ringer;
  const ringing = isRinging(state);
  const urgent = isUrgent(state);
  return (
    <section
      className="ring"
      aria-label="New order alert"
      data-ringing={ringing}
      data-urgent={urgent}
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
          {ringing ? waitingText(state.pending, orderNumber) : ''}
          {ringing && urgent && state.announcement ? <span className="ring__count"> · {state.announcement}</span> : null}
          {ringing && state.muted ? <span className="ring__count"> · sound muted</span> : null}
        </p>
        {ringing ? (
          <button type="button" className="button button--primary" onClick={onAcknowledge}>
            Acknowledge
          </button>
        ) : null}
      </div>
    </section>
  );
}
