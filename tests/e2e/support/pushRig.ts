import { rmSync } from 'node:fs';
import { FakeFcm } from '../../integration/support/fakeFcm';
import { FakePushService } from './fakePushService';
import { PushBrowser, pushServerEnv } from './pushBrowser';
import { TestServer } from './testServer';

/** Everything a push test runs against: the server with wake-ups, FCM's fake, and Google's push-side fake for Chromium. */
export interface PushRig {
  readonly server: TestServer;
  readonly fcm: FakeFcm;
  /** A browser that can receive pushes, closed with the rig. */
  launch(viewport?: { width: number; height: number }): Promise<PushBrowser>;
}

/**
 * Runs `scenario` against a fresh server whose wake-ups go to a fake FCM, printing the server's log
 * when it fails, and tears everything down afterwards.
 *
 * Real: the server (its wake-ups, `POST /api/devices`, the track push route, `POST /api/sync/pull`,
 * firebase-admin sending), the apps and their service worker, the Firebase web SDK's `getToken` and
 * `deleteToken`, Chromium's own push subscription (`pushManager.subscribe`, its keys and endpoint), the
 * push event, `showNotification` / `getNotifications`, and IndexedDB.
 * Faked: FCM's send API (fakeFcm.ts; firebase-admin is pointed at it with DABBA_FCM_ENDPOINT), the
 * Google check-in and registration Chromium's push stack calls (fakePushService.ts, through Chromium's
 * switches), Firebase Installations and FCM registrations (fakeFirebase.ts, Playwright routes), and
 * FCM's hop to the browser: the message the server asked FCM to send is handed to the worker with CDP
 * `ServiceWorker.deliverPushMessage`, wrapped as FCM wraps a data message.
 */
export async function withPushRig(scenario: (rig: PushRig) => Promise<void>): Promise<void> {
  const fcm = await FakeFcm.start();
  const pushService = await FakePushService.start();
  const server = await TestServer.create();
  const browsers: PushBrowser[] = [];
  try {
    await server.start(pushServerEnv(fcm.url));
    await scenario({
      server,
      fcm,
      launch: async (viewport) => {
        const browser = await PushBrowser.launch(pushService, viewport);
        browsers.push(browser);
        return browser;
      },
    });
  } catch (error) {
    console.error(`server log:\n${server.log}`);
    throw error;
  } finally {
    for (const browser of browsers) await browser.close();
    await server.stop();
    await pushService.close();
    await fcm.close();
    rmSync(server.dataDir, { recursive: true, force: true });
  }
}
