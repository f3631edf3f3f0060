import fs from 'node:fs';
import { z } from 'zod';
import { fail, ok, type Result } from '../../shared/result';

/** The fields of a service account key the server uses (the JSON Firebase hands out has more). */
const serviceAccountSchema = z.object({
  project_id: z.string().min(1),
  client_email: z.string().min(1),
  private_key: z.string().includes('PRIVATE KEY', { message: 'private_key is not a PEM private key' }),
});

export interface ServiceAccountKey {
  readonly projectId: string;
  readonly clientEmail: string;
  readonly privateKey: string;
}

/** A file's JSON, or why it could not be read (for the configuration error). */
function readJsonFile(file: string): Result<unknown, 'unreadable'> {
  try {
    return ok(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (err: unknown) {
    return fail('unreadable', `cannot read ${file} as JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** A service account key given inline as JSON, or the path of its file. */
const serviceAccountValue = z
  .string()
  .min(1)
  .transform((value, ctx): ServiceAccountKey => {
    let raw: unknown;
    if (value.trimStart().startsWith('{')) {
      try {
        raw = JSON.parse(value);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is neither a readable file nor valid JSON' });
        return z.NEVER;
      }
    } else {
      const read = readJsonFile(value);
      if (!read.ok) {
        ctx.addIssue({ code: 'custom', message: read.error.message });
        return z.NEVER;
      }
      raw = read.value;
    }
    const key = serviceAccountSchema.safeParse(raw);
    if (!key.success) {
      ctx.addIssue({ code: 'custom', message: `is not a service account key: ${key.error.issues[0]?.message ?? 'invalid'}` });
      return z.NEVER;
    }
    return { projectId: key.data.project_id, clientEmail: key.data.client_email, privateKey: key.data.private_key };
  });

/** `scheme://host:port` (a trailing slash allowed): where FCM HTTP v1 calls go instead of Google. */
const endpointValue = z.string().transform((value, ctx): URL => {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/' || url.search || url.hash || url.username) {
    ctx.addIssue({ code: 'custom', message: 'must be http(s)://host:port with nothing after it' });
    return z.NEVER;
  }
  return url;
});

/** The environment variables of wake-ups; config.ts merges its shape into the server's configuration schema. */
export const fcmEnvSchema = z.object({
  DABBA_FCM_ENDPOINT: endpointValue.optional(),
  FIREBASE_SERVICE_ACCOUNT: serviceAccountValue.optional(),
  GOOGLE_APPLICATION_CREDENTIALS: z.string().min(1).optional(),
  FIREBASE_PROJECT_ID: z
    .string()
    .regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, 'must be a Firebase project id (6–30 lowercase letters, digits or -)')
    .optional(),
  /** How long wake-ups for one device are gathered into one message; at most 300 ms so a wake-up still goes out within a second. */
  DABBA_WAKE_COALESCE_MS: z.coerce.number().int().min(0).max(300).default(250),
});

type FcmEnv = z.output<typeof fcmEnvSchema>;

export type FcmCredentials =
  /** DABBA_FCM_ENDPOINT: an emulator or a test fake, which wants no Google sign-in. */
  | { readonly kind: 'endpoint'; readonly endpoint: URL }
  | { readonly kind: 'serviceAccount'; readonly key: ServiceAccountKey }
  /** GOOGLE_APPLICATION_CREDENTIALS, read by Google's own libraries. */
  | { readonly kind: 'applicationDefault' };

export interface FcmSettings {
  readonly credentials: FcmCredentials;
  readonly projectId: string;
}

/** The project an emulator or fake is addressed as when nothing names one (Firebase's convention for offline projects). */
export const OFFLINE_PROJECT_ID = 'demo-dabba';

/** The project id inside GOOGLE_APPLICATION_CREDENTIALS's key file, if it names one. */
function projectOfKeyFile(file: string): Result<string | null, string> {
  const read = readJsonFile(file);
  if (!read.ok) return fail('GOOGLE_APPLICATION_CREDENTIALS', read.error.message);
  const named = z.object({ project_id: z.string().min(1) }).safeParse(read.value);
  return ok(named.success ? named.data.project_id : null);
}

/**
 * How the server reaches FCM, or null when nothing is configured (wake-ups off). A refusal's code is
 * the variable to fix. DABBA_FCM_ENDPOINT wins over credentials: the calls go there and need none.
 */
export function fcmSettingsOf(env: FcmEnv): Result<FcmSettings | null, string> {
  const account = env.FIREBASE_SERVICE_ACCOUNT;
  if (env.DABBA_FCM_ENDPOINT) {
    const projectId = env.FIREBASE_PROJECT_ID ?? account?.projectId ?? OFFLINE_PROJECT_ID;
    return ok({ credentials: { kind: 'endpoint', endpoint: env.DABBA_FCM_ENDPOINT }, projectId });
  }
  if (account)
    return ok({ credentials: { kind: 'serviceAccount', key: account }, projectId: env.FIREBASE_PROJECT_ID ?? account.projectId });
  if (!env.GOOGLE_APPLICATION_CREDENTIALS) return ok(null);
  const named = projectOfKeyFile(env.GOOGLE_APPLICATION_CREDENTIALS);
  if (!named.ok) return named;
  const projectId = env.FIREBASE_PROJECT_ID ?? named.value;
  if (!projectId) return fail('FIREBASE_PROJECT_ID', 'is needed: the key in GOOGLE_APPLICATION_CREDENTIALS names no project');
  return ok({ credentials: { kind: 'applicationDefault' }, projectId });
}
