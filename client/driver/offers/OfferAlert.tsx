import type { OrderId } from '../../../shared/ids';
import type { LiveOffer } from '../model/offers/useOffers';
import { useAlertTone } from '../../common/sound/useAlertTone';
import type { Note } from '../../common/sound/tone';
import { useNow } from '../../common/ui/useNow';
import { OfferCard } from './OfferCard';

/** Three quick rising notes: unlike the outlet's chime, and cutting through traffic noise. */
const OFFER_NOTES: readonly Note[] = [
  { hz: 988, start: 0, length: 0.12 },
  { hz: 1319, start: 0.16, length: 0.12 },
  { hz: 1760, start: 0.32, length: 0.22 },
];
export const OFFER_RING_EVERY_MS = 2_000;
const VIBRATION = [200, 100, 200];

/**
 * Offers ring on every screen until answered or ended: a missed offer goes to the next driver.
 * When the browser blocks sound until the screen is touched, a button asks for that touch.
 */
export function OfferAlert({
  offers,
  online,
  onAccepted,
}: {
  readonly offers: readonly LiveOffer[];
  readonly online: boolean;
  readonly onAccepted: (orderId: OrderId) => void;
}) {
  const now = useNow(1_000);
  const live = offers.filter((o) => o.deadline > now);
  const ringing = live.length > 0;
  const { sound, unlock } = useAlertTone(OFFER_NOTES, ringing, OFFER_RING_EVERY_MS, { vibration: VIBRATION });
  return (
    <section
      className={ringing ? 'offer-alert offer-alert--on' : 'offer-alert'}
      aria-label="Delivery offers"
      data-ringing={ringing}
      data-sound={sound}
    >
      {sound === 'blocked' ? (
        <button type="button" className="offer-alert__unlock" onClick={unlock}>
          Sound is blocked — tap to enable
        </button>
      ) : null}
      <p className="sr-only" role="status" aria-live="assertive">
        {ringing ? `New delivery offer from ${live.map((o) => o.outletName).join(', ')}` : ''}
      </p>
      {live.map((offer) => (
        <OfferCard key={offer.orderId} offer={offer} online={online} onAccepted={onAccepted} />
      ))}
    </section>
  );
}
