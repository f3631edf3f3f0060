import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from '@playwright/test';
import { loadEnv } from 'vite';
import { z } from 'zod';
import { chromiumLaunchOptions } from './chromium';
import { FakeFirebase } from './fakeFirebase';
import type { FakePushService } from './fakePushService';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** The fake Firebase web config `npm run test:e2e` builds the apps with (.env.e2e). */
export const E2E_FIREBASE = loadEnv('e2e', ROOT, 'VITE_FIREBASE_');

/**
 * What a server with wake-ups needs in these tests: FCM calls go to the fake at `fcmUrl` (no Google
 * credentials), and the Content-Security-Policy lets the apps reach Firebase's token endpoints, as
 * it does for apps built with a Firebase config.
 */
export function pushServerEnv(fcmUrl: string): Record<string, string> {
  return {
    DABBA_FCM_ENDPOINT: fcmUrl,
    FIREBASE_PROJECT_ID: E2E_FIREBASE.VITE_FIREBASE_PROJECT_ID ?? '',
    VITE_FIREBASE_API_KEY: E2E_FIREBASE.VITE_FIREBASE_API_KEY ?? '',
  };
}

/**
 * A phone or tablet that can receive pushes: a Chromium with a profile on disk (Chromium has no push
 * in incognito contexts), its push stack pointed at `pushService`, notifications allowed for `origin`
 * only when `allowNotifications` says so, and Firebase's endpoints answered by a fake.
 */
export class PushBrowser {
  private constructor(
    readonly context: BrowserContext,
    readonly firebase: FakeFirebase,
    private readonly profileDir: string,
  ) {}

  static async launch(pushService: FakePushService, viewport = { width: 1280, height: 900 }): Promise<PushBrowser> {
    const profileDir = mkdtempSync(path.join(tmpdir(), 'dabba-e2e-push-'));
    const context = await chromium.launchPersistentContext(profileDir, {
      ...chromiumLaunchOptions,
      args: [...(chromiumLaunchOptions.args ?? []), ...pushService.chromiumArgs],
      headless: true,
      viewport,
    });
    return new PushBrowser(context, await FakeFirebase.install(context), profileDir);
  }

  /** What the person answers when the page asks to show notifications. */
  async allowNotifications(origin: string): Promise<void> {
    await this.context.grantPermissions(['notifications'], { origin });
  }

  async page(): Promise<Page> {
    return this.context.pages()[0] ?? this.context.newPage();
  }

  async close(): Promise<void> {
    await this.context.close();
    rmSync(this.profileDir, { recursive: true, force: true });
  }
}

/**
 * Runs in the service worker, once: remembers the promise of every `waitUntil`, so the test can tell
 * when the worker has finished with a push (pulled, stored, shown). A string, as it runs in the worker.
 */
const WATCH_WAIT_UNTIL = `(() => {
  if (self.dabbaPushWaits) return;
  self.dabbaPushWaits = [];
  const waitUntil = ExtendableEvent.prototype.waitUntil;
  ExtendableEvent.prototype.waitUntil = function (promise) {
    if (this.type === 'push') self.dabbaPushWaits.push(Promise.resolve(promise).catch(() => undefined));
    return waitUntil.call(this, promise);
  };
})()`;

/** Resolves once the worker has seen `count` pushes and finished handling each. */
const pushesSettled = (count: number): string => `(async () => {
  const deadline = Date.now() + 15000;
  while (self.dabbaPushWaits.length < ${count}) {
    if (Date.now() > deadline) throw new Error('the service worker got no push event');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await Promise.all(self.dabbaPushWaits);
})()`;

/**
 * Delivers pushes to the site's service worker as the browser does when FCM pushes to it, through
 * CDP (`ServiceWorker.deliverPushMessage`): the push event, its data and the worker are real; only
 * FCM's hop to the browser is skipped. `deliver` returns once the worker is done with the push.
 * Only then may a test read `getNotifications()`: Chromium deletes a notification the worker wrote
 * but the platform does not list as displayed yet when a read starts in between
 * (platform_notification_context_impl.cc), and it stays gone from every later read.
 */
export class PushDelivery {
  private delivered = 0;

  private constructor(
    private readonly cdp: CDPSession,
    private readonly worker: Worker,
    private readonly origin: string,
    private readonly registrationId: string,
  ) {}

  /** `page`: any open page of the context, to hold the CDP session. */
  static async attach(context: BrowserContext, page: Page, origin: string): Promise<PushDelivery> {
    const cdp = await context.newCDPSession(page);
    const scope = `${origin}/`;
    const registered = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const ours = registrations.find((r) => r.scopeURL === scope && !r.isDeleted);
        if (ours) resolve(ours.registrationId);
      });
    });
    await cdp.send('ServiceWorker.enable');
    const isOurs = (w: Worker): boolean => w.url() === `${origin}/sw.js`;
    const worker = context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', isOurs));
    await worker.evaluate(WATCH_WAIT_UNTIL);
    return new PushDelivery(cdp, worker, origin, await registered);
  }

  /** `payload`: the push message's data, as the push service hands it to the browser (FCM: JSON text). */
  async deliver(payload: string): Promise<void> {
    await this.cdp.send('ServiceWorker.deliverPushMessage', { origin: this.origin, registrationId: this.registrationId, data: payload });
    this.delivered += 1;
    await this.worker.evaluate(pushesSettled(this.delivered));
  }
}

const shownSchema = z.array(
  z.object({ title: z.string(), body: z.string(), tag: z.string(), data: z.object({ open: z.string() }).nullable().catch(null) }),
);

/** The notifications the site's worker shows now, read in a page of the site (any path under its scope). */
export async function shownNotifications(page: Page): Promise<z.infer<typeof shownSchema>> {
  const shown: unknown = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (await registration.getNotifications()).map((n) => ({ title: n.title, body: n.body, tag: n.tag, data: n.data as unknown }));
  });
  return shownSchema.parse(shown);
}
