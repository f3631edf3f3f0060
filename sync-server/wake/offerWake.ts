import { driverInboxName } from '../../shared/docNames';
import type { UserId } from '../../shared/ids';
import type { Offer } from '../../shared/inbox';
import { formatMoneyShort } from '../../shared/money';
import type { WakeData } from '../../shared/wake/wakeMessage';
import { DRIVER_HOME_PATH } from '../../shared/wake/wakePaths';
import { clip } from './clip';

/**
 * The wake-up for an offer to a driver whose phone has no live socket: the inbox to pull (it holds the
 * offer), and a notification that lets them decide from the lock screen ("Demo Kitchen → Indiranagar,
 * ₹330 cash, answer in 30 s"). It means nothing once the offer has expired.
 */
export function offerWakeData(driverId: UserId, offer: Offer, now: number): WakeData {
  const seconds = Math.max(1, Math.round((offer.expiresAt - now) / 1000));
  const cash = offer.cashToCollect > 0 ? `${formatMoneyShort(offer.cashToCollect, offer.currency)} cash` : 'nothing to collect';
  return {
    dabba: '1',
    kind: 'offer',
    docs: [driverInboxName(driverId)],
    title: 'New delivery offer',
    body: `${clip(offer.outletName, 80)} → ${clip(offer.dropoffArea, 120)}, ${cash}, answer in ${seconds} s`,
    open: DRIVER_HOME_PATH,
    tag: `offer:${offer.orderId}`,
    expiresAt: String(offer.expiresAt),
  };
}
