import { expect, test } from '@playwright/test';
import { expectConnected, liveRow, openAdminDesk } from './support/adminPage';
import { placeDeliveryOrder } from './support/deliveryOrder';
import { goOnShift, openDriverPhone } from './support/driverPage';
import { freshServerPerTest } from './support/freshServer';
import { blockMapTiles } from './support/orderPage';

const env = freshServerPerTest();

test('the live map shows the outlet, the driver with where they head and how old their position is, and the drop-off, and clicks through', async () => {
  const { server, browser } = env();
  const { page: driver } = await openDriverPhone(browser, server.url);
  await goOnShift(driver);
  await placeDeliveryOrder(server.url, 'Gita Mapped');
  const page = await openAdminDesk(browser, server.url);
  await blockMapTiles(page);
  await expectConnected(page);

  // The order is assigned by hand from its own page, before the outlet has even accepted it.
  await liveRow(page, 'Gita Mapped').getByRole('link').click();
  await page.getByRole('region', { name: 'Driver' }).getByRole('button', { name: 'Assign Gita Mapped’s order' }).click();
  await expect(page.getByRole('region', { name: 'Driver' })).toContainText('Ravi Kumar');

  await page.keyboard.press('g');
  await page.keyboard.press('m');
  const map = page.getByRole('region', { name: 'Live map of outlets, drivers and drop-offs' });
  await expect(map.getByTitle(/^Outlet Dabba Demo Kitchen.*1 order under way$/)).toBeVisible();
  const rider = map.getByTitle(/^Driver Ravi Kumar, position (just now|\d+ min ago), Pick up at Dabba Demo Kitchen$/);
  await expect(rider).toBeVisible();
  await rider.click();
  const detail = page.getByRole('region', { name: 'Ravi Kumar' });
  await expect(detail).toContainText('On shift · app connected');
  await expect(detail).toContainText('1 of');
  await expect(detail.getByRole('link', { name: 'Pick up at Dabba Demo Kitchen' })).toBeVisible();

  await map.getByTitle(/^Drop-off for Gita Mapped in /).click();
  await expect(page.getByRole('heading', { name: /^Order #[\w-]{5} — Gita Mapped$/ })).toBeVisible();
});
