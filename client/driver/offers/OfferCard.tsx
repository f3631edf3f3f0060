import { useState } from 'react';
import { formatMoney } from '../../../shared/money';
import type { OrderId } from '../../../shared/ids';
import type { LiveOffer } from '../model/offers/useOffers';
import { countdownText, secondsLeft } from '../../common/dispatch/offerCountdown';
import { useDriverCommands } from '../model/useDriverCommands';
import { useNow } from '../../common/ui/useNow';
import { distanceText } from '../../common/ui/distanceText';
import { useDriverSnapshot } from '../model/DriverContext';
import { pickupDistanceText } from '../model/offers/pickupDistance';
import { OfferMap } from './OfferMap';

interface Props {
  readonly offer: LiveOffer;
  readonly online: boolean;
  readonly onAccepted: (orderId: OrderId) => void;
}

/**
 * One offer: everything needed to decide (where from, roughly where to on a small map, how far, the
 * money involved, the cash to carry) and how long is left. Accept and Decline are answered by the server at once, so they need
 * the network; offline the card says so instead of pretending.
 */
export function OfferCard({ offer, online, onAccepted }: Props) {
  const { accept, decline } = useDriverCommands();
  const { position, location } = useDriverSnapshot();
  const now = useNow(1_000);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const left = secondsLeft(offer.deadline, now, offer);
  const titleId = `offer-${offer.orderId}`;

  const answer = async (take: boolean): Promise<void> => {
    setBusy(true);
    setError(null);
    const outcome = take ? await accept(offer.orderId) : await decline(offer.orderId);
    setBusy(false);
    if (!outcome.ok) setError(outcome.error.message);
    else if (take) onAccepted(offer.orderId);
  };

  return (
    <article className="card offer" aria-labelledby={titleId} data-order-id={offer.orderId}>
      <div className="offer__head">
        <h2 id={titleId}>New delivery from {offer.outletName}</h2>
        <p className="offer__timer" role="timer" aria-label={`${left} seconds left to answer`}>
          {left > 0 ? countdownText(left) : 'Ended'}
        </p>
      </div>
      <OfferMap pickup={offer.pickup} dropoff={offer.dropoff} pickupName={offer.outletName} dropoffArea={offer.dropoffArea} />
      <dl className="offer__facts">
        <div>
          <dt>Pickup</dt>
          <dd>
            {offer.outletName}, {offer.outletAddress}
          </dd>
        </div>
        <div>
          <dt>Drop-off</dt>
          <dd>{offer.dropoffArea}</dd>
        </div>
        <div>
          <dt>To pickup</dt>
          <dd>{pickupDistanceText(offer.pickup, position, location)}</dd>
        </div>
        <div>
          <dt>Trip</dt>
          <dd>{distanceText(offer.tripMeters)}</dd>
        </div>
        {offer.deliveryFee !== undefined ? (
          // No driver pay exists in the system: the fee the customer pays is the figure there is, named as such.
          <div className="offer__pay">
            <dt>Delivery fee</dt>
            <dd>
              {formatMoney(offer.deliveryFee, offer.currency)} <span className="offer__pay-note">charged to the customer</span>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Cash to collect</dt>
          <dd>{offer.cashToCollect > 0 ? formatMoney(offer.cashToCollect, offer.currency) : 'None (paid)'}</dd>
        </div>
      </dl>
      {!online ? (
        <p className="notice" role="status">
          You are offline: answering an offer needs the network.
        </p>
      ) : null}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="offer__actions">
        <button
          type="button"
          className="button button--quiet button--big"
          disabled={busy || !online || left === 0}
          onClick={() => void answer(false)}
        >
          Decline
        </button>
        <button
          type="button"
          className="button button--primary button--big"
          disabled={busy || !online || left === 0}
          onClick={() => void answer(true)}
        >
          Accept
        </button>
      </div>
    </article>
  );
}
