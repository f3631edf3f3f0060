/**
 * When an offer ends, by this device's clock. The server stamps offers with its own clock, and a
 * phone's clock may be minutes off, so the deadline is the earlier of: the server's expiry moved onto
 * this device's clock (when the offset is known), and the offer's full length from when this device
 * first saw it (a late arrival never shows more time than the offer had, an early one never less).
 */
export interface OfferTimes {
  readonly offeredAt: number;
  readonly expiresAt: number;
}

export function offerDeadline(offer: OfferTimes, seenAt: number, clockOffsetMs: number | null): number {
  const byReceipt = seenAt + Math.max(0, offer.expiresAt - offer.offeredAt);
  if (clockOffsetMs === null) return byReceipt;
  // clockOffsetMs = server clock − device clock.
  return Math.min(byReceipt, offer.expiresAt - clockOffsetMs);
}

/**
 * Whole seconds left, rounded up so "0 s" means it has ended; never negative, and never more than
 * the offer's length (a server clock read to the second must not make a 60 s offer show 1:01).
 */
export function secondsLeft(deadline: number, now: number, offer?: OfferTimes): number {
  const left = Math.max(0, Math.ceil((deadline - now) / 1000));
  return offer ? Math.min(left, Math.round((offer.expiresAt - offer.offeredAt) / 1000)) : left;
}

/** "0:45", "1:00": what the countdown shows. */
export function countdownText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
