import { expect, test } from '@playwright/test';
import { expectConnected, liveRow, openAdminDesk } from './support/adminPage';
import { freshServerPerTest } from './support/freshServer';
import { orderCard, signInAsOutlet } from './support/outletPage';
import { placePickupOrderWithLink } from './support/placeOrder';

const env = freshServerPerTest();

test('the timeline names the staff who accepted; the admin notes and cancels with a reason, and the outlet and tracking link see it', async () => {
  const { server, browser } = env();
  const { trackingUrl } = await placePickupOrderWithLink(server.url, 'Deepa Cancel');
  const tracking = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await tracking.goto(trackingUrl);
  await expect(tracking.getByRole('heading', { level: 1, name: 'Placed' })).toBeVisible();
  const tablet = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
  await tablet.goto(`${server.url}/outlet/`);
  await signInAsOutlet(tablet);
  await orderCard(tablet, 'Deepa Cancel').getByRole('button', { name: 'Accept' }).click();
  await expect(orderCard(tablet, 'Deepa Cancel').getByText('synced', { exact: true })).toBeVisible();

  const page = await openAdminDesk(browser, server.url);
  await expectConnected(page);
  await liveRow(page, 'Deepa Cancel').getByRole('link').click();
  await expect(page.getByRole('heading', { name: /^Order #[\w-]{5} — Deepa Cancel$/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Call the customer, Deepa Cancel/ })).toHaveAttribute('href', 'tel:+919845000000');
  await expect(page.getByRole('link', { name: /^Call the outlet, Dabba Demo Kitchen/ })).toHaveAttribute('href', /^tel:\+91/);

  await page.getByLabel('Note for the outlet and the driver').fill('Customer rang: wants to cancel');
  await page.getByRole('button', { name: 'Add note' }).click();
  const timeline = page.getByRole('list', { name: 'Events, oldest first' });
  // The demo outlet account is named "Kitchen Staff": its name comes from the accounts list, not the driver roster.
  const accepted = timeline.getByRole('listitem').filter({ hasText: 'Accepted, ready in' });
  await expect(accepted).toContainText(/Outlet staff Kitchen Staff · outlet app on device \S+/);
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Note: Customer rang: wants to cancel' })).toContainText(
    /You · admin app on device \S+/,
  );

  await page.getByRole('button', { name: 'Cancel order…' }).click();
  await page.getByRole('radio', { name: 'Customer asked to cancel' }).check();
  await page.getByRole('button', { name: 'Cancel order', exact: true }).click();
  await expect(timeline.getByRole('listitem').filter({ hasText: 'Cancelled: Customer asked to cancel' })).toContainText('You');
  await expect(page.getByRole('button', { name: 'Cancel order…' })).toHaveCount(0);
  await expect(page.getByText('synced', { exact: true })).toBeVisible();

  await expect(tracking.getByRole('heading', { level: 1, name: 'Cancelled' })).toBeVisible();
  await expect(orderCard(tablet, 'Deepa Cancel')).toHaveCount(0);
  await tablet.getByText('Done today').click();
  await expect(tablet.locator('.done__row').filter({ hasText: 'Deepa Cancel' })).toContainText('Cancelled');

  // The accounts list is kept on the device: offline, after a reload, the timeline still names the staff.
  await page.context().setOffline(true);
  await page.reload();
  await expect(accepted).toContainText('Outlet staff Kitchen Staff');
});
