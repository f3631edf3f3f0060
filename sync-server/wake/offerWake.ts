import { driverInboxName } from '../../shared/docNames';
import type { UserId } from '../../shared/ids';
import type { Offer } from '../../shared/inbox';
import type { WakeData } from '../../shared/wake/wakeMessage';

/** Offers show on the driver app's home screen (client/driver/shell/useDriverRoute.ts). */
const DRIVER_HOME = '/driver/#/';

/** Whole amounts without paise, as a driver reads them at a glance: "₹330", "₹99.50". */
function amount(minor: number, currency: string): string {
  const digits = minor % 100 === 0 ? 0 : 2;
  return new Intl.NumberFormat('en-IN', {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(minor / 100);
}

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/**
 * The wake-up for an offer to a driver whose phone has no live socket: the inbox to pull (it holds the
 * offer), and a notification that lets them decide from the lock screen ("Demo Kitchen → Indiranagar,
 * ₹330 cash, answer in 30 s"). It means nothing once the offer has expired.
 */
export function offerWakeData(driverId: UserId, offer: Offer, now: number): WakeData {
  const seconds = Math.max(1, Math.round((offer.expiresAt - now) / 1000));
  const cash = offer.cashToCollect > 0 ? `${amount(offer.cashToCollect, offer.currency)} cash` : 'nothing to collect';
  return {
    dabba: '1',
    kind: 'offer',
    docs: [driverInboxName(driverId)],
    title: 'New delivery offer',
    body: `${clip(offer.outletName, 80)} → ${clip(offer.dropoffArea, 120)}, ${cash}, answer in ${seconds} s`,
    open: DRIVER_HOME,
    tag: `offer:${offer.orderId}`,
    expiresAt: String(offer.expiresAt),
  };
}
