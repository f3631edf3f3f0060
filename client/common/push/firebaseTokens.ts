import type { Messaging } from 'firebase/messaging';
import { activeServiceWorker } from '../pwa/registerServiceWorker';
import type { FirebaseWebConfig } from './firebaseWebConfig';
import type { PushPlatform } from './pushPlatform';

/** Our own Firebase app instance, apart from any default app a library might create. */
const APP_NAME = 'dabba';

/**
 * Firebase is loaded only when push is used (a tap on "Turn on notifications", or a start where they
 * are on): no app's first load carries it. The token hangs on our own worker at `/sw.js`, which
 * handles the pushes itself, so no firebase-messaging-sw.js is ever registered.
 */
async function loadMessaging(config: FirebaseWebConfig): Promise<Messaging> {
  const [{ getApps, initializeApp }, { getMessaging }] = await Promise.all([import('firebase/app'), import('firebase/messaging')]);
  const app = getApps().find((a) => a.name === APP_NAME) ?? initializeApp(config.options, APP_NAME);
  return getMessaging(app);
}

export function firebaseTokens(config: FirebaseWebConfig): Pick<PushPlatform, 'token' | 'removeToken'> {
  let messaging: Promise<Messaging> | null = null;
  const load = (): Promise<Messaging> => {
    // A failed load (the chunk could not be fetched) is tried again next time.
    messaging ??= loadMessaging(config).catch((error: unknown) => {
      messaging = null;
      throw error;
    });
    return messaging;
  };

  return {
    async token() {
      const [m, { getToken }, registration] = await Promise.all([load(), import('firebase/messaging'), activeServiceWorker()]);
      return getToken(m, { vapidKey: config.vapidKey, serviceWorkerRegistration: registration });
    },
    async removeToken() {
      try {
        const [m, { deleteToken }] = await Promise.all([load(), import('firebase/messaging')]);
        await deleteToken(m);
      } catch (error) {
        // Offline, FCM cannot be told; unsubscribing here still stops every push to this browser, and
        // FCM reports the token as unregistered to whoever sends to it next.
        console.warn('dabba: could not delete the push token at FCM; unsubscribing this browser', error);
        const registration = await activeServiceWorker();
        await (await registration.pushManager.getSubscription())?.unsubscribe();
      }
    },
  };
}
