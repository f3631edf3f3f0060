import { expect, test } from '@playwright/test';
import { browserPushPayload } from '../integration/support/fakeFcm';
import { OFFLINE_BANNER, onlineBanner, orderCard, signInAsOutlet } from './support/outletPage';
import { placePickupOrder } from './support/placeOrder';
import { E2E_FIREBASE, PushDelivery, shownNotifications } from './support/pushBrowser';
import { withPushRig } from './support/pushRig';
import { turnOnNotifications } from './support/turnOnNotifications';

const CUSTOMER = 'Meera Woken';

/** Live sockets the server holds, from /healthz. */
async function liveSockets(baseUrl: string): Promise<number> {
  const health: unknown = await (await fetch(`${baseUrl}/healthz`)).json();
  return typeof health === 'object' && health !== null && 'connections' in health && typeof health.connections === 'number'
    ? health.connections
    : -1;
}

test('a new order pushed to a tablet with no socket shows a notification, and the outlet app then shows it with no network', async () => {
  await withPushRig(async ({ server, fcm, launch }) => {
    const tablet = await launch();
    const page = await tablet.page();
    await page.goto(`${server.url}/outlet/`);
    await signInAsOutlet(page);
    await expect(onlineBanner(page)).toBeVisible();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    // Staff tap "Turn on notifications" and allow them.
    const registration = await turnOnNotifications(tablet, page, server.url);
    expect(registration.applicationPubKey).toBe(E2E_FIREBASE.VITE_FIREBASE_VAPID_KEY);
    expect(registration.installationAuth).not.toBeNull();

    // The app goes away, as a phone's browser freezes it; the service worker stays.
    const probe = await tablet.context.newPage();
    await probe.goto(`${server.url}/healthz`);
    const pushes = await PushDelivery.attach(tablet.context, probe, server.url);
    await page.close();
    await expect.poll(() => liveSockets(server.url)).toBe(0);

    await placePickupOrder(server.url, CUSTOMER);
    await fcm.waitFor((requests) => requests.some((r) => r.token === registration.token && r.data['kind'] === 'new_order'));
    const message = fcm.delivered(registration.token).find((r) => r.data['kind'] === 'new_order');
    if (!message) throw new Error('no new-order wake-up was sent');
    await pushes.deliver(browserPushPayload(message, E2E_FIREBASE.VITE_FIREBASE_MESSAGING_SENDER_ID));
    await expect.poll(async () => (await shownNotifications(probe)).map((n) => n.title)).toContain(message.data['title']);

    // No network from here on: what the app shows, the worker pulled.
    await tablet.context.setOffline(true);
    const opened = await tablet.context.newPage();
    await opened.goto(`${server.url}${message.data['open'] ?? '/outlet/'}`);
    await expect(opened.getByText(OFFLINE_BANNER)).toBeVisible();
    await expect(orderCard(opened, CUSTOMER)).toBeVisible();
  });
});
