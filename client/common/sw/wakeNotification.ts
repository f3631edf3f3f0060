import type { WakeData, WakeKind } from '../../../shared/wake/wakeMessage';

/** What `showNotification` is given; `renotify` and `vibrate` are real options the DOM typings lack. */
export interface WakeNotification {
  readonly title: string;
  readonly options: NotificationOptions & { readonly renotify?: boolean; readonly vibrate?: readonly number[] };
}

/** Wake-ups someone must act on: they stay on screen until seen, where the platform allows it. */
const MUST_ACT: ReadonlySet<WakeKind> = new Set(['new_order', 'unanswered', 'offer']);

/** Each installed app's icon, by the first segment of the path a tap opens. */
const ICONS: Readonly<Record<string, string>> = { outlet: '/icons/outlet-192.png', driver: '/icons/driver-192.png' };

/** Whether a wake-up that only means something until `expiresAt` (an offer) has run out. */
export function hasExpired(wake: WakeData, now: number): boolean {
  return wake.expiresAt !== undefined && Number(wake.expiresAt) <= now;
}

/**
 * The notification for a wake-up. Browsers require one for every push (userVisibleOnly), so an offer
 * that ran out before it arrived still gets one, quietly, saying it ended: showing nothing would make
 * Chrome show its own "updated in the background" notice instead, which tells the driver less, and
 * showing the offer would send them to accept something that is gone. Its tag replaces the offer's.
 */
export function wakeNotification(wake: WakeData, now: number): WakeNotification {
  const app = /^\/([a-z]+)\//.exec(wake.open)?.[1];
  const icon = app ? ICONS[app] : undefined;
  const common = { data: { open: wake.open }, ...(wake.tag ? { tag: wake.tag } : {}), ...(icon ? { icon } : {}) };
  if (hasExpired(wake, now)) {
    return { title: 'Offer ended', options: { ...common, body: `${wake.title} — it ended before it reached this phone.`, silent: true } };
  }
  const urgent = MUST_ACT.has(wake.kind);
  return {
    title: wake.title,
    options: {
      ...common,
      body: wake.body,
      // A new wake-up under the same tag replaces the old one and still alerts (a tag alone would replace it silently).
      ...(wake.tag ? { renotify: true } : {}),
      requireInteraction: urgent,
      ...(urgent ? { vibrate: [300, 120, 300] } : {}),
    },
  };
}
