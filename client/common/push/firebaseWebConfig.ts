import { z } from 'zod';

/** The web app's Firebase config (what the console shows as `firebaseConfig`) and the key pair's public half for web push. */
export interface FirebaseWebConfig {
  readonly options: {
    readonly apiKey: string;
    readonly authDomain: string;
    readonly projectId: string;
    readonly messagingSenderId: string;
    readonly appId: string;
  };
  /** The "Web Push certificates" public key (base64url of an uncompressed P-256 point). */
  readonly vapidKey: string;
}

const nonEmpty = z.string().trim().min(1);

const envSchema = z.object({
  VITE_FIREBASE_API_KEY: nonEmpty,
  VITE_FIREBASE_AUTH_DOMAIN: nonEmpty,
  VITE_FIREBASE_PROJECT_ID: nonEmpty,
  VITE_FIREBASE_MESSAGING_SENDER_ID: z.string().regex(/^\d+$/, 'is the project number (digits only)'),
  VITE_FIREBASE_APP_ID: nonEmpty,
  VITE_FIREBASE_VAPID_KEY: z.string().regex(/^[A-Za-z0-9_-]{86,88}={0,2}$/, 'is the base64url public key of the Web Push certificate'),
});

export const FIREBASE_ENV_KEYS = Object.keys(envSchema.shape);

/**
 * The config the build was given, or null when it was given none: push is then "not set up" and
 * everything else works. A partial or malformed config is also null, with one warning naming the
 * variables, since a half-configured Firebase fails later in ways nobody could trace back.
 */
export function firebaseWebConfig(env: Readonly<Record<string, unknown>>): FirebaseWebConfig | null {
  if (FIREBASE_ENV_KEYS.every((key) => env[key] === undefined || env[key] === '')) return null;
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    console.warn(`dabba: notifications are off, the Firebase config is incomplete: ${problems.join('; ')}`);
    return null;
  }
  const e = parsed.data;
  return {
    options: {
      apiKey: e.VITE_FIREBASE_API_KEY,
      authDomain: e.VITE_FIREBASE_AUTH_DOMAIN,
      projectId: e.VITE_FIREBASE_PROJECT_ID,
      messagingSenderId: e.VITE_FIREBASE_MESSAGING_SENDER_ID,
      appId: e.VITE_FIREBASE_APP_ID,
    },
    vapidKey: e.VITE_FIREBASE_VAPID_KEY,
  };
}
