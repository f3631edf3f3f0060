/// <reference lib="webworker" />
import { z } from 'zod';
import { parsePushPayload, type WakeData } from '../../../shared/wake/wakeMessage';
import type { WorkerMessage } from '../pwa/workerMessages';
import { dbNameForPath, openDabbaDb, type DabbaDb } from '../store/db';
import { pullWakeDocs } from './pullWakeDocs';
import { hasExpired, wakeNotification } from './wakeNotification';

/**
 * How long a push waits for its documents before showing the notification anyway: on a bad link the
 * person should hear about the order now, and the app fetches it on open.
 */
const PULL_WITHIN_MS = 10_000;

const notificationDataSchema = z.object({ open: z.string().startsWith('/') });

function pushJson(data: PushMessageData | null): unknown {
  try {
    return data?.json() ?? null;
  } catch {
    return null;
  }
}

async function tellWindows(sw: ServiceWorkerGlobalScope, message: WorkerMessage): Promise<void> {
  for (const client of await sw.clients.matchAll({ type: 'window' })) client.postMessage(message);
}

/** Pulls what the wake-up names into IndexedDB (unless it is an offer that ran out), then always shows it. */
async function wakeUp(sw: ServiceWorkerGlobalScope, db: DabbaDb, wake: WakeData): Promise<void> {
  if (!hasExpired(wake, Date.now())) {
    try {
      const outcome = await pullWakeDocs(db, wake.docs, { signal: AbortSignal.timeout(PULL_WITHIN_MS) });
      if (!outcome.ok) console.warn(`dabba: wake-up not pulled (${outcome.reason}); the app fetches it on open`);
      else if (outcome.stored.length > 0) await tellWindows(sw, { type: 'dabba:stored', docs: [...outcome.stored] });
    } catch (error) {
      console.warn('dabba: wake-up not pulled; the app fetches it on open', error);
    }
  }
  const { title, options } = wakeNotification(wake, Date.now());
  await sw.registration.showNotification(title, options);
}

/** A tap: the app's open window shows the place (focused, not reloaded), or a new window opens there. */
async function openFrom(sw: ServiceWorkerGlobalScope, data: unknown): Promise<void> {
  const parsed = notificationDataSchema.safeParse(data);
  const target = new URL(parsed.success ? parsed.data.open : '/', sw.location.origin);
  const app = target.pathname.split('/')[1] ?? '';
  const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((w) => app !== '' && new URL(w.url).pathname.startsWith(`/${app}/`));
  if (open) {
    await open.focus();
    open.postMessage({ type: 'dabba:open', path: `${target.pathname}${target.search}${target.hash}` } satisfies WorkerMessage);
    return;
  }
  await sw.clients.openWindow(target.href);
}

/**
 * Wake-ups: a push carries the FCM data of a wake message (shared/wake/wakeMessage.ts). Anything
 * else is not ours to show and is ignored.
 */
export function handleWakeUps(sw: ServiceWorkerGlobalScope): void {
  // One store per app that keeps its own (the admin app's apart): a wake-up is pulled into the store of
  // the app it opens, with that store's sign-in, so an admin alert never lands in an outlet's store.
  const dbs = new Map<string, DabbaDb>();
  const dbOf = (name: string): DabbaDb => {
    const open = dbs.get(name) ?? openDabbaDb(name);
    dbs.set(name, open);
    return open;
  };
  sw.addEventListener('push', (event) => {
    const wake = parsePushPayload(pushJson(event.data));
    if (!wake) return;
    event.waitUntil(wakeUp(sw, dbOf(dbNameForPath(wake.open)), wake));
  });
  sw.addEventListener('notificationclick', (event) => {
    event.notification.close();
    event.waitUntil(openFrom(sw, event.notification.data));
  });
}
