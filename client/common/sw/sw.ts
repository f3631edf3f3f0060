/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { appShells, navigationPattern } from './appShells';
import { handleWakeUps } from './wakeUps';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

const manifest = self.__WB_MANIFEST;

// A new build takes over at once: the apps keep no in-memory state the old worker's caches need,
// and a kitchen device should not run yesterday's code until every tab is closed.
void self.skipWaiting();
clientsClaim();

cleanupOutdatedCaches();
precacheAndRoute(manifest);

// The API, the sync socket and health checks are never app pages.
const NOT_PAGES = [/^\/api\//, /^\/sync/, /^\/healthz/];

for (const app of appShells(manifest)) {
  registerRoute(new NavigationRoute(createHandlerBoundToURL(app.shell), { allowlist: [navigationPattern(app)], denylist: NOT_PAGES }));
}

handleWakeUps(self);
