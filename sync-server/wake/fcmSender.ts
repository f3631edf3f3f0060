import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import { ClientRequest, type IncomingMessage } from 'node:http';
import type * as FirebaseAppModule from 'firebase-admin/app';
import type { AppOptions, Credential } from 'firebase-admin/app';
import type { TokenMessage } from 'firebase-admin/messaging';
import { z } from 'zod';
import { ok } from '../../shared/result';
import { encodeWakeData } from '../../shared/wake/wakeMessage';
import type { FcmCredentials, FcmSettings } from './fcmConfig';
import { FcmEndpointAgent } from './fcmEndpointAgent';
import { sendFailure, type PushMessage, type PushSender, type SendOutcome } from './pushSender';

/** How long closing waits for sends under way. */
const CLOSE_WAIT_MS = 5_000;

/** FCM's verdicts that the token will never work again. */
const UNREGISTERED = new Set(['messaging/registration-token-not-registered', 'messaging/invalid-registration-token']);
/** Busy, failing or unreachable: worth another try (firebase-admin already retried 503s and resets itself). */
const RETRYABLE = new Set([
  'messaging/server-unavailable',
  'messaging/internal-error',
  'messaging/message-rate-exceeded',
  'messaging/device-message-rate-exceeded',
  'messaging/unknown-error',
  'app/network-error',
  'app/network-timeout',
  // Fetching the OAuth access token from Google failed (usually the network); bounded by the caller's tries.
  'app/invalid-credential',
]);

/** What one send saw of FCM's HTTP answer: firebase-admin's errors keep neither the status nor Retry-After. */
interface Exchange {
  status: number | null;
  retryAfter: string | null;
}

const exchanges = new AsyncLocalStorage<Exchange>();
const requestStart = z.object({ request: z.instanceof(ClientRequest) });
let watching = false;

/**
 * Node announces every outgoing HTTP request on this channel, synchronously inside the call that makes
 * it, so the request firebase-admin makes for a send is found in that send's async context.
 */
function watchFcmResponses(): void {
  if (watching) return;
  watching = true;
  diagnostics.subscribe('http.client.request.start', (message) => {
    const exchange = exchanges.getStore();
    const started = exchange ? requestStart.safeParse(message) : null;
    if (!exchange || !started?.success) return;
    started.data.request.once('response', (res: IncomingMessage) => {
      exchange.status = res.statusCode ?? null;
      const header = res.headers['retry-after'];
      exchange.retryAfter = typeof header === 'string' ? header : null;
    });
  });
}

/** Retry-After in ms: delay-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

const errorCode = z.object({ code: z.string() });

function outcomeOf(err: unknown, exchange: Exchange): SendOutcome {
  const code = errorCode.safeParse(err).data?.code ?? 'unknown';
  const message = `${code}: ${err instanceof Error ? err.message : String(err)}`;
  if (UNREGISTERED.has(code)) return sendFailure('unregistered', message);
  const status = exchange.status;
  if (status === 429 || (status !== null && status >= 500) || RETRYABLE.has(code))
    return sendFailure('retryable', message, retryAfterMs(exchange.retryAfter, Date.now()));
  return sendFailure('rejected', message);
}

/** An emulator or fake takes any bearer token; this one is never sent to Google. */
const offlineCredential: Credential = {
  getAccessToken: () => Promise.resolve({ access_token: 'dabba-offline-fcm', expires_in: 3600 }),
};

type FirebaseApp = typeof FirebaseAppModule;

function appOptions(firebase: FirebaseApp, credentials: FcmCredentials, projectId: string): AppOptions {
  switch (credentials.kind) {
    case 'endpoint':
      return { projectId, credential: offlineCredential, httpAgent: new FcmEndpointAgent(credentials.endpoint) };
    case 'serviceAccount':
      return { projectId, credential: firebase.cert(credentials.key) };
    case 'applicationDefault':
      return { projectId, credential: firebase.applicationDefault() };
  }
}

export const toFcmMessage = (message: PushMessage): TokenMessage => ({
  token: message.token,
  data: encodeWakeData(message.data),
  // Data only: the service worker shows the notification after it has pulled the documents.
  webpush: { headers: { Urgency: 'high', TTL: String(message.ttlSeconds) } },
});

/**
 * Sends through firebase-admin's `Messaging.send` (HTTP/1.1, one message per call; `sendEach` would
 * use HTTP/2, which does not go through the endpoint agent). Each server gets its own firebase app,
 * deleted on close. firebase-admin is loaded here, only when wake-ups are configured: it is the largest
 * package the server has (~13 MiB of memory), and most nodes never send a push.
 */
export async function fcmSender(settings: FcmSettings): Promise<PushSender> {
  const firebase = await import('firebase-admin/app');
  const { getMessaging } = await import('firebase-admin/messaging');
  watchFcmResponses();
  const options = appOptions(firebase, settings.credentials, settings.projectId);
  const app = firebase.initializeApp(options, `dabba-wake-${randomUUID()}`);
  const messaging = getMessaging(app);
  const inFlight = new Set<Promise<SendOutcome>>();
  const sendOne = async (message: PushMessage): Promise<SendOutcome> => {
    const exchange: Exchange = { status: null, retryAfter: null };
    try {
      await exchanges.run(exchange, () => messaging.send(toFcmMessage(message)));
      return ok();
    } catch (err: unknown) {
      return outcomeOf(err, exchange);
    }
  };
  return {
    send(message) {
      const sending = sendOne(message);
      inFlight.add(sending);
      void sending.finally(() => inFlight.delete(sending));
      return sending;
    },
    async close() {
      // A socket cut under a send makes firebase-admin send it again on a fresh one: let sends finish first.
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((resolve) => setTimeout(resolve, CLOSE_WAIT_MS).unref())]);
      await firebase.deleteApp(app);
      options.httpAgent?.destroy();
    },
  };
}
