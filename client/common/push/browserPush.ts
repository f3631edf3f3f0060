import { firebaseTokens } from './firebaseTokens';
import { firebaseWebConfig, type FirebaseWebConfig } from './firebaseWebConfig';
import { browserHasPush, type PushAvailability } from './pushPlatform';

/** The config this build was made with (`VITE_FIREBASE_*`), or null. */
export const BUILD_FIREBASE_CONFIG: FirebaseWebConfig | null = firebaseWebConfig(import.meta.env);

/** Push in this browser with this build's Firebase config, or why there is none. */
export function browserPush(config: FirebaseWebConfig | null = BUILD_FIREBASE_CONFIG): PushAvailability {
  if (!config) return { kind: 'unavailable', reason: 'not-set-up' };
  if (!browserHasPush()) return { kind: 'unavailable', reason: 'browser' };
  return {
    kind: 'ready',
    platform: {
      permission: () => Notification.permission,
      askPermission: () => Notification.requestPermission(),
      ...firebaseTokens(config),
    },
  };
}
