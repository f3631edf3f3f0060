import type { DispatchOffer } from '../../../../shared/adminDispatch';
import { offerDeadline, secondsLeft } from '../../../common/dispatch/offerCountdown';

/** When this device first saw each offer, by order and offer time: the fallback start of its countdown. */
const firstSeen = new Map<string, number>();
const FORGET_AFTER_MS = 3_600_000;

/**
 * Seconds left on an offer by this device's clock, as the driver's phone counts them: the server's
 * deadline moved onto this clock when the offset is known, never more than the offer's length from
 * when this device first saw it.
 */
export function offerSecondsLeft(orderId: string, offer: DispatchOffer, now: number, clockOffsetMs: number | null): number {
  const key = `${orderId}:${offer.offeredAt}`;
  let seenAt = firstSeen.get(key);
  if (seenAt === undefined) {
    seenAt = now;
    firstSeen.set(key, now);
    for (const [k, at] of firstSeen) if (now - at > FORGET_AFTER_MS) firstSeen.delete(k);
  }
  return secondsLeft(offerDeadline(offer, seenAt, clockOffsetMs), now, offer);
}
