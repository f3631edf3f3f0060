import { useRef } from 'react';
import { driverInboxName } from '../../../../shared/docNames';
import type { UserId } from '../../../../shared/ids';
import type { Offer } from '../../../../shared/inbox';
import { useHeldDoc } from '../../../common/device/useHeldDoc';
import { useDriverSnapshot } from '../DriverContext';
import { offerDeadline } from '../../../common/dispatch/offerCountdown';
import { readOffers } from './readOffers';

export interface LiveOffer extends Offer {
  /** When it ends by this device's clock (see offerCountdown). */
  readonly deadline: number;
}

/** The offers in the driver's inbox, each with its deadline on this device's clock. */
export function useOffers(driverId: UserId): readonly LiveOffer[] {
  const { value: offers } = useHeldDoc(driverInboxName(driverId), readOffers);
  const { clockOffsetMs } = useDriverSnapshot();
  // When this page first saw each offer: the countdown's anchor when the phone's clock is not to be trusted.
  const seen = useRef(new Map<string, number>());
  const now = Date.now();
  for (const offer of offers) if (!seen.current.has(offer.orderId)) seen.current.set(offer.orderId, now);
  return offers.map((offer) => ({ ...offer, deadline: offerDeadline(offer, seen.current.get(offer.orderId) ?? now, clockOffsetMs) }));
}
