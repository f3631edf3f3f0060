/**
 * What push needs of the browser and Firebase, behind one interface so the models above it can be
 * tested without either.
 */
export interface PushPlatform {
  permission(): NotificationPermission;
  /** Asks the person; call it straight from a tap, before any await, or browsers refuse to ask. */
  askPermission(): Promise<NotificationPermission>;
  /** This browser's FCM registration token, subscribing it to push first when needed. */
  token(): Promise<string>;
  /** Deletes the token at FCM and unsubscribes this browser, as far as the network allows. */
  removeToken(): Promise<void>;
}

/** Why a device cannot be woken: the build has no Firebase config, or the browser has no web push. */
export type PushUnavailableReason = 'not-set-up' | 'browser';

export type PushAvailability =
  { readonly kind: 'ready'; readonly platform: PushPlatform } | { readonly kind: 'unavailable'; readonly reason: PushUnavailableReason };

/** Web push as Firebase uses it: a service worker, the Push API and notifications (not in every browser, nor in iOS tabs). */
export function browserHasPush(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window && 'indexedDB' in window;
}
