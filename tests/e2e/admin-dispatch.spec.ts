import { expect, test } from '@playwright/test';
import { expectConnected, openAdminDesk } from './support/adminPage';
import { placeDeliveryOrder } from './support/deliveryOrder';
import { goOnShift, offerCard, openDriverPhone } from './support/driverPage';
import { freshServerPerTest } from './support/freshServer';
import { orderCard, signInAsOutlet } from './support/outletPage';

const env = freshServerPerTest();

test('the admin assigns a waiting delivery by hand: the driver’s app shows the job and the tracking link the driver; unassigning puts it back', async () => {
  const { server, browser } = env();
  // The demo driver's phone is signed in but off shift: dispatch has nobody to offer the order to.
  const { page: driver } = await openDriverPhone(browser, server.url);
  const { trackingUrl } = await placeDeliveryOrder(server.url, 'Esha Byhand');
  const tracking = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await tracking.route(/tile\.openstreetmap\.org/, (route) => route.abort());
  await tracking.goto(trackingUrl);
  const tablet = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
  await tablet.goto(`${server.url}/outlet/`);
  await signInAsOutlet(tablet);
  await orderCard(tablet, 'Esha Byhand').getByRole('button', { name: 'Accept' }).click();

  const page = await openAdminDesk(browser, server.url);
  await expectConnected(page);
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('link', { name: /^Dispatch/ })
    .click();
  const waiting = page.getByRole('listitem', { name: 'Esha Byhand, waiting for a driver' });
  await expect(waiting).toContainText(/No driver could be offered it since \d{1,2}:\d{2}/);
  await expect(page.getByRole('alert').filter({ hasText: 'New problem' })).toContainText('No driver: #');
  await expect(waiting.getByLabel('Driver')).toContainText('Ravi Kumar (off shift, 0 of');

  await waiting.getByRole('button', { name: 'Assign Esha Byhand’s order' }).click();
  const assigned = page.getByRole('listitem', { name: 'Esha Byhand, with Ravi Kumar' });
  await expect(assigned).toBeVisible();
  await expect(waiting).toHaveCount(0);
  await expect(driver.getByRole('link', { name: /^Open job: Dabba Demo Kitchen to / })).toBeVisible();
  await expect(tracking.getByRole('heading', { name: 'Ravi will bring your order' })).toBeVisible();

  await assigned.getByRole('button', { name: 'Unassign…' }).click();
  await assigned.getByRole('radio', { name: 'Vehicle trouble' }).check();
  await assigned.getByRole('button', { name: 'Unassign driver' }).click();
  await expect(waiting.getByRole('list', { name: 'Drivers who passed' })).toContainText(
    /Ravi Kumar was taken off it at .+: “Vehicle trouble”/,
  );
  await expect(driver.getByRole('link', { name: /^Open job: / })).toHaveCount(0);
});

test('the admin watches an offer count down on the driver’s phone and sees the driver decline it', async () => {
  const { server, browser } = env();
  const { page: driver } = await openDriverPhone(browser, server.url);
  await goOnShift(driver);
  await placeDeliveryOrder(server.url, 'Farid Offer');
  const page = await openAdminDesk(browser, server.url);
  await expectConnected(page);
  await page.keyboard.press('g');
  await page.keyboard.press('d');
  const waiting = page.getByRole('listitem', { name: 'Farid Offer, waiting for a driver' });
  await expect(waiting).toContainText('Dispatch offers it once the outlet accepts it.');

  const tablet = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
  await tablet.goto(`${server.url}/outlet/`);
  await signInAsOutlet(tablet);
  await orderCard(tablet, 'Farid Offer').getByRole('button', { name: 'Accept' }).click();

  await expect(waiting.getByRole('timer', { name: 'Offer to Ravi Kumar: time left' })).toHaveText(/^[01]:\d\d$/);
  await expect(offerCard(driver)).toBeVisible();
  await offerCard(driver).getByRole('button', { name: 'Decline' }).click();
  await expect(waiting.getByRole('list', { name: 'Drivers who passed' })).toContainText('Ravi Kumar declined at');
  await expect(waiting.getByRole('timer')).toHaveCount(0);
});
