import { expect, test } from '@playwright/test';
import { expectConnected, liveRow, openAdminDesk } from './support/adminPage';
import { loginAs } from './support/deliveryOrder';
import { freshServerPerTest } from './support/freshServer';
import { serverOrderEvents } from './support/orderDoc';
import { blockMapTiles } from './support/orderPage';
import { OFFLINE_BANNER } from './support/outletPage';
import { placePickupOrder } from './support/placeOrder';

const env = freshServerPerTest();

test('the admin app reloads with no server and shows the day’s orders and outlets from this device; a cancel made offline syncs later', async () => {
  const { server, browser } = env();
  await placePickupOrder(server.url, 'Meera Offline');
  const orderId = await placePickupOrder(server.url, 'Nikhil Later');
  const page = await openAdminDesk(browser, server.url);
  await blockMapTiles(page);
  await expectConnected(page);
  await expect(liveRow(page, 'Meera Offline')).toBeVisible();
  await expect(liveRow(page, 'Nikhil Later')).toBeVisible();

  await server.stop();
  await page.reload();
  await expect(page.getByText(OFFLINE_BANNER)).toBeVisible();
  await expect(liveRow(page, 'Meera Offline')).toBeVisible();
  const copy = page.getByLabel('What is only on this device');
  await expect(copy).toContainText(/this device’s copy from \d{1,2}:\d{2}/);

  // The outlet documents are on the device too: the map still shows the outlet.
  await page.keyboard.press('g');
  await page.keyboard.press('m');
  await expect(page.getByRole('region', { name: /^Live map/ }).getByTitle(/^Outlet Dabba Demo Kitchen: 2 orders under way$/)).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('l');

  // Cancelled with no server: saved on this device, and said so.
  await liveRow(page, 'Nikhil Later').getByRole('link').click();
  await page.getByRole('button', { name: 'Cancel order…' }).click();
  await page.getByRole('radio', { name: 'Outlet cannot make it' }).check();
  await page.getByRole('button', { name: 'Cancel order', exact: true }).click();
  const cancelled = page
    .getByRole('list', { name: 'Events, oldest first' })
    .getByRole('listitem')
    .filter({ hasText: 'Cancelled: Outlet cannot make it' });
  await expect(cancelled).toContainText('You · admin app on device');
  await expect(cancelled).toContainText('while offline');
  await expect(page.getByText('saved on this device', { exact: true })).toBeVisible();
  await expect(copy).toContainText('1 order has changes saved only on this device');

  // The server returns: the cancel reaches it.
  await server.start();
  await expect(page.getByText('Online', { exact: true })).toBeVisible({ timeout: 45_000 });
  await expect(page.getByText('synced', { exact: true })).toBeVisible({ timeout: 30_000 });
  const admin = await loginAs(server.url, 'admin');
  const events = await serverOrderEvents(server.url, orderId, admin.token);
  expect(events.find((e) => e.type === 'cancelled')).toMatchObject({
    reason: 'Outlet cannot make it',
    device: { app: 'admin', offline: true },
  });
});
