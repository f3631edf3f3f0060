import { useEffect, useRef } from 'react';
import type { TrackingToken } from '../../../shared/ids';
import { canCustomerCancel } from '../../../shared/order/customerCancel';
import type { TrackView } from '../../../shared/track';
import { ErrorLine } from '../../common/ui/ErrorLine';
import './cancel.css';
import { useCancelOrder } from './useCancelOrder';

/**
 * "Cancel order" while the restaurant has not accepted a cash order, asked twice since it cannot be undone.
 * A card order is the restaurant's to cancel (it refunds too), so the page says to call them instead.
 */
export function CancelOrder({ view, token }: { readonly view: TrackView; readonly token: TrackingToken }) {
  const cancel = useCancelOrder(token);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const { phase } = cancel;
  useEffect(() => {
    if (phase === 'confirming') confirmRef.current?.focus();
  }, [phase]);

  if (phase === 'cancelled')
    return (
      <section className="card track-cancel" aria-label="Cancel order">
        <p role="status">You cancelled this order. The restaurant will not make it and nothing is owed.</p>
      </section>
    );
  const paymentMethod = view.payment?.method ?? 'cash';
  if (view.status === 'placed' && paymentMethod === 'card')
    return (
      <section className="card track-cancel" aria-label="Cancel order">
        <p className="muted">Need to cancel? Card orders are cancelled and refunded by the restaurant: call them.</p>
      </section>
    );
  if (!canCustomerCancel({ status: view.status, paymentMethod })) return null;
  return (
    <section className="card track-cancel" aria-label="Cancel order">
      {phase === 'idle' ? (
        <>
          <p className="muted">The restaurant has not accepted your order yet, so you can still cancel it.</p>
          <button type="button" className="button button--danger" onClick={cancel.ask}>
            Cancel order
          </button>
        </>
      ) : (
        <div role="group" aria-labelledby="track-cancel-question" className="track-cancel__confirm">
          <p id="track-cancel-question">
            <strong>Cancel this order?</strong> This cannot be undone.
          </p>
          <div className="track-cancel__actions">
            <button
              ref={confirmRef}
              type="button"
              className="button button--danger"
              onClick={() => void cancel.confirm()}
              disabled={phase === 'sending'}
              aria-busy={phase === 'sending'}
            >
              Yes, cancel order
            </button>
            <button type="button" className="button button--quiet" onClick={cancel.keep} disabled={phase === 'sending'}>
              Keep my order
            </button>
          </div>
        </div>
      )}
      <ErrorLine message={cancel.error} />
    </section>
  );
}
