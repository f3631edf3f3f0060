import { expect, test } from '@playwright/test';
import { freshServerPerTest } from './support/freshServer';
import { placePickupOrderWithLink } from './support/placeOrder';

const OFFLINE = 'Offline — showing the last known status';

const env = freshServerPerTest();

test('a tracking link keeps showing the last known status when the server is gone, also after a reload, and says it is offline', async () => {
  const { server, browser } = env();
  const { trackingUrl } = await placePickupOrderWithLink(server.url, 'Ravi Reload');
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(trackingUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Placed' })).toBeVisible();
  await expect(page.getByText('Live — this page updates by itself')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Call +91 80 4000 1234' })).toHaveAttribute('href', 'tel:+918040001234');
  await expect(page.getByText(/^Total ₹/)).toBeVisible();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await server.stop();
  await expect(page.getByText(OFFLINE)).toBeVisible();

  await page.reload();
  await expect(page.getByText(OFFLINE)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Placed' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Order progress' })).toContainText('Ready for pickup');
});

test('an unknown tracking link says the order cannot be found', async () => {
  const { server, browser } = env();
  const page = await browser.newPage();
  await page.goto(`${server.url}/track/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`);
  await expect(page.getByRole('heading', { name: "We can't find this order" })).toBeVisible();
  await expect(page.getByText(/Live|Offline/)).toHaveCount(0);
});
