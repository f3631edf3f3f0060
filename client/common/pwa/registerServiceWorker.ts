import { Workbox } from 'workbox-window';

/** The one service worker at the site root serves every app's shell (see client/common/sw/sw.ts). */
export const SERVICE_WORKER_URL = '/sw.js';

/** How long to wait for the worker to be active before saying it is not there (the dev server has none). */
const ACTIVE_WITHIN_MS = 10_000;

/**
 * Registers the service worker in production builds. The dev server serves modules the worker
 * could not precache, so there the app runs online only.
 */
export async function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  try {
    await new Workbox(SERVICE_WORKER_URL, { scope: '/' }).register();
  } catch (error) {
    console.warn('dabba: the service worker did not register; the app will not open offline', error);
  }
}

/** The active registration of our worker: what push subscriptions hang on. Rejects when there is none. */
export async function activeServiceWorker(): Promise<ServiceWorkerRegistration> {
  if (!('serviceWorker' in navigator)) throw new Error('This browser has no service workers.');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('The app’s service worker is not running.')), ACTIVE_WITHIN_MS);
  });
  try {
    return await Promise.race([navigator.serviceWorker.ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
