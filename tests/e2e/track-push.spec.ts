import { chromium, expect, test } from '@playwright/test';
import { browserPushPayload } from '../integration/support/fakeFcm';
import { chromiumLaunchOptions } from './support/chromium';
import { orderCard, signInAsOutlet } from './support/outletPage';
import { placePickupOrderWithLink } from './support/placeOrder';
import { E2E_FIREBASE, PushDelivery, shownNotifications } from './support/pushBrowser';
import { withPushRig } from './support/pushRig';

const CUSTOMER = 'Kavya Notified';

/** The outlet accepts the order from a tablet of its own. */
async function acceptAtTheOutlet(baseUrl: string): Promise<void> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/outlet/`);
    await signInAsOutlet(page);
    await orderCard(page, CUSTOMER).getByRole('button', { name: 'Accept' }).click();
    await expect(orderCard(page, CUSTOMER).getByText(/Status: accepted/i)).toBeVisible();
  } finally {
    await browser.close();
  }
}

test('“Notify me” on a tracking link registers this browser for the order, and the outlet accepting it pushes a notification', async () => {
  await withPushRig(async ({ server, fcm, launch }) => {
    const { trackingUrl } = await placePickupOrderWithLink(server.url, CUSTOMER);
    const trackingToken = new URL(trackingUrl).pathname.split('/')[2] ?? '';
    const phone = await launch({ width: 390, height: 844 });
    const page = await phone.page();
    await page.goto(trackingUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Placed' })).toBeVisible();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    await phone.allowNotifications(server.url);
    const registered = page.waitForResponse(
      (r) => r.url() === `${server.url}/api/track/${trackingToken}/push` && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Notify me' }).click();
    expect((await registered).status()).toBe(201);
    await expect(page.getByRole('status').filter({ hasText: 'We’ll notify you' })).toBeVisible();
    const [pushToken] = phone.firebase.liveTokens;
    if (!pushToken) throw new Error('the page got no FCM token');

    // The customer leaves the page; the outlet accepts; FCM is asked to push to this browser.
    const probe = await phone.context.newPage();
    await probe.goto(`${server.url}/healthz`);
    const pushes = await PushDelivery.attach(phone.context, probe, server.url);
    await page.close();
    await acceptAtTheOutlet(server.url);
    await fcm.waitFor((requests) => requests.some((r) => r.token === pushToken && r.data['kind'] === 'track_status'));
    const message = fcm.delivered(pushToken).find((r) => r.data['kind'] === 'track_status');
    if (!message) throw new Error('no status update was pushed');

    // Delivered as FCM would deliver it, it shows, and a tap would open this order's tracking page.
    await pushes.deliver(browserPushPayload(message, E2E_FIREBASE.VITE_FIREBASE_MESSAGING_SENDER_ID));
    await expect
      .poll(async () => (await shownNotifications(probe)).map((n) => ({ title: n.title, open: n.data?.open })))
      .toContainEqual({ title: message.data['title'], open: `/track/${trackingToken}` });
  });
});
