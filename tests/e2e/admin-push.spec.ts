import { expect, test } from '@playwright/test';
import { browserPushPayload } from '../integration/support/fakeFcm';
import { signInAsAdmin } from './support/adminPage';
import { placePickupOrder } from './support/placeOrder';
import { E2E_FIREBASE, PushDelivery, pushServerEnv, shownNotifications } from './support/pushBrowser';
import { withPushRig } from './support/pushRig';
import { turnOnNotifications } from './support/turnOnNotifications';

test('an admin alert pushed to a closed admin app shows a notification, and the admin app then shows the alert with no network', async () => {
  await withPushRig(async ({ server, fcm, launch }) => {
    // An order nobody answers raises an admin alert within seconds rather than minutes.
    await server.stop();
    await server.start({
      ...pushServerEnv(fcm.url),
      DABBA_UNANSWERED_ESCALATE_MS: '1000',
      DABBA_UNANSWERED_ALERT_MS: '1000',
      DABBA_OUTLET_WATCH_MS: '500',
    });
    const desk = await launch({ width: 1440, height: 900 });
    const page = await desk.page();
    await page.goto(`${server.url}/admin/`);
    await signInAsAdmin(page);
    await expect(page.getByText('Online', { exact: true })).toBeVisible();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    const registration = await turnOnNotifications(desk, page, server.url);

    const probe = await desk.context.newPage();
    await probe.goto(`${server.url}/healthz`);
    const pushes = await PushDelivery.attach(desk.context, probe, server.url);
    await page.close();

    await placePickupOrder(server.url, 'Nobody Answers');
    await fcm.waitFor((requests) => requests.some((r) => r.token === registration.token && r.data['kind'] === 'admin_alert'));
    const message = fcm.delivered(registration.token).find((r) => r.data['kind'] === 'admin_alert');
    if (!message) throw new Error('no admin alert wake-up was sent');
    expect(message.data['open']).toBe('/admin/');
    await pushes.deliver(browserPushPayload(message, E2E_FIREBASE.VITE_FIREBASE_MESSAGING_SENDER_ID));
    await expect.poll(async () => (await shownNotifications(probe)).map((n) => n.body)).toContain(message.data['body']);

    // No network from here on: the alert the admin app shows is what the worker pulled into its store.
    await desk.context.setOffline(true);
    const opened = await desk.context.newPage();
    await opened.goto(`${server.url}/admin/`);
    await expect(opened.getByText(/^Showing this device’s copy/)).toBeVisible();
    await expect(opened.getByText(message.data['body'] ?? 'no body').first()).toBeVisible();
  });
});
