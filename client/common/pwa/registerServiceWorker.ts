import { Workbox } from 'workbox-window';

/** The one service worker at the site root serves every app's shell (see client/common/sw/sw.ts). */
export const SERVICE_WORKER_URL = '/sw.js';

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
