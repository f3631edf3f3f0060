/**
 * Whether a driver's app can hear an offer. `connected`: a socket is live, the offer shows at once.
 * `asleep`: no socket, but the device measured a position lately, so the phone is likely in a pocket
 * and a wake-up (push) can reach it. `unreachable`: neither; an offer would only wait out its time.
 */
export type DriverReach = 'connected' | 'asleep' | 'unreachable';

export interface ReachInputs {
  readonly connected: boolean;
  /** When the driver's device last measured a position (device time); a declared one (seed, delivery API) is no sign of the device. */
  readonly measuredAt: number | null;
  readonly now: number;
  /** A measured position older than this says nothing about whether the phone is still with the driver. */
  readonly staleMs: number;
}

export function driverReach({ connected, measuredAt, now, staleMs }: ReachInputs): DriverReach {
  if (connected) return 'connected';
  return measuredAt !== null && now - measuredAt <= staleMs ? 'asleep' : 'unreachable';
}

export interface OfferWindows {
  /** How long a driver whose app is open has to answer. */
  readonly timeoutMs: number;
  /** The first window of an offer to a sleeping phone: time for the wake-up to land and the driver to open the app. */
  readonly asleepMs: number;
}

/** How long an offer stands at first: sleeping phones get the shorter window, so an order does not wait a full minute on one. */
export function firstWindowMs(reach: DriverReach, windows: OfferWindows): number {
  return reach === 'asleep' ? Math.min(windows.asleepMs, windows.timeoutMs) : windows.timeoutMs;
}

/**
 * An offer made with the shorter window whose driver's app connected by the end of it gets the rest of
 * the normal time: the wake-up worked and the driver is deciding. Null when it simply lapses.
 */
export function extendedExpiry(
  offer: { readonly offeredAt: number; readonly expiresAt: number },
  connectedNow: boolean,
  windows: OfferWindows,
): number | null {
  const full = offer.offeredAt + windows.timeoutMs;
  return connectedNow && offer.expiresAt < full ? full : null;
}
