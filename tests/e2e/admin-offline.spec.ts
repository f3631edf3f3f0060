import { expect, test } from '@playwright/test';
import { expectConnected, liveRow, openAdminDesk } from './support/adminPage';
import { freshServerPerTest } from './support/freshServer';
import { OFFLINE_BANNER } from './support/outletPage';
import { placePickupOrder } from './support/placeOrder';

const env = freshServerPerTest();

test('the admin app reloads with no server and shows the day’s orders from this device, saying how old its copy is', async () => {
  const { server, browser } = env();
  await placePickupOrder(server.url, 'Meera Offline');
  const page = await openAdminDesk(browser, server.url);
  await expectConnected(page);
  await expect(liveRow(page, 'Meera Offline')).toBeVisible();

  await server.stop();
  await page.reload();
  await expect(page.getByText(OFFLINE_BANNER)).toBeVisible();
  await expect(liveRow(page, 'Meera Offline')).toBeVisible();
  await expect(page.getByLabel('What is only on this device')).toContainText(/copy from \d{1,2}:\d{2}/);
});
