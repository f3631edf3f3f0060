import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectConnected, openAdminDesk } from './support/adminPage';
import { freshServerPerTest } from './support/freshServer';
import { blockMapTiles, fillCustomer, menuItem } from './support/orderPage';
import { signInAsOutlet } from './support/outletPage';

const env = freshServerPerTest();
const PHOTO = path.join(import.meta.dirname, 'fixtures', 'doorstep.jpg');

async function openOutlet(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Outlets & menus' }).click();
  await page.getByRole('table', { name: 'Outlets' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
}

test('an admin reprices an item and adds one with a photo: the ordering page and the outlet tablet get the new menu', async () => {
  const { server, browser } = env();
  const customer = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await blockMapTiles(customer);
  await customer.goto(`${server.url}/order/demo-outlet`);
  await expect(menuItem(customer, 'Masala Dosa')).toContainText('₹120.00');

  const tablet = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
  await tablet.goto(`${server.url}/outlet/`);
  await signInAsOutlet(tablet);

  const page = await openAdminDesk(browser, server.url);
  await expectConnected(page);
  await openOutlet(page, 'Dabba Demo Kitchen');
  const menu = page.getByRole('tabpanel', { name: 'Menu' });
  await menu.getByText('Masala Dosa', { exact: true }).click();
  await menu.getByLabel('Price (INR)').first().fill('135');
  // A group no customer could satisfy is said at once, and the server's rule stops the save.
  await menu.getByLabel('At least').first().fill('5');
  await expect(menu.getByText('At least 5 but at most 2: no customer could choose.')).toBeVisible();
  await menu.getByRole('button', { name: 'Save menu' }).click();
  await expect(menu.getByRole('alert')).toContainText('Not saved: Masala Dosa: "Chutney" asks for at least 5 but at most 2.');
  await menu.getByLabel('At least').first().fill('1');

  await menu.getByRole('button', { name: 'Add an item to Dosa' }).click();
  // The new item opens, and only it: the item editors fold to one line each.
  const added = menu.locator('details[open]');
  await added.getByLabel('Item name').fill('Rava Idli');
  await added.getByLabel('Price (INR)').fill('80.50');
  await added.getByLabel('Description').fill('Steamed semolina cakes');
  await added.getByLabel('Add a photo of Rava Idli').setInputFiles(PHOTO);
  await expect(menu.getByRole('img', { name: 'Photo of Rava Idli' })).toBeVisible();
  await menu.getByRole('button', { name: 'Save menu' }).click();
  await expect(menu.getByText('Menu saved on this device.')).toBeVisible();
  await expect(page.getByRole('banner').or(page.locator('.outlet-editor__head')).getByText('synced', { exact: true })).toBeVisible();

  // A customer loading the page now gets the new price and the new item, photo and all.
  await customer.reload();
  await expect(menuItem(customer, 'Masala Dosa')).toContainText('₹135.00');
  await expect(menuItem(customer, 'Rava Idli')).toContainText('₹80.50');
  const photo = menuItem(customer, 'Rava Idli').locator('img');
  await expect(photo).toHaveAttribute('src', /^\/media\/menu\/[0-9a-f]{64}\.(webp|jpg)$/);
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  // The tablet's availability screen has the new item live.
  await tablet.getByRole('link', { name: 'Availability' }).click();
  await expect(tablet.getByRole('button', { name: 'Mark Rava Idli unavailable' })).toBeVisible();

  // Availability from the admin's side, with the same screen the tablet has: running out reaches customers.
  await page.getByRole('tab', { name: 'Availability' }).click();
  const availability = page.getByRole('tabpanel', { name: 'Availability' });
  await availability.getByRole('region', { name: 'Menu' }).getByRole('radio', { name: 'until I turn it back on' }).check();
  await availability.getByRole('button', { name: 'Mark Rava Idli unavailable' }).click();
  await expect(tablet.getByRole('button', { name: 'Mark Rava Idli available' })).toBeVisible();
  await customer.reload();
  await expect(menuItem(customer, 'Rava Idli')).toContainText('Not available right now');
});

test('an admin adds an outlet offline, gives it a menu, hours and a zone; online it syncs and customers can order from it', async () => {
  const { server, browser } = env();
  const page = await openAdminDesk(browser, server.url);
  await expectConnected(page);
  await page.getByRole('link', { name: 'Outlets & menus' }).click();
  await expect(page.getByRole('table', { name: 'Outlets' })).toContainText('Dabba Demo Kitchen');

  await page.context().setOffline(true);
  await page.getByLabel('Outlet name').fill('Dabba Koramangala');
  await page.getByLabel('Outlet address').fill('80 Feet Road, Koramangala');
  await page.getByRole('button', { name: 'Add outlet' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Dabba Koramangala' })).toBeVisible();
  await expect(page.getByText('saved on this device', { exact: true }).first()).toBeVisible();

  const menu = page.getByRole('tabpanel', { name: 'Menu' });
  await menu.getByLabel('New category').fill('Snacks');
  await menu.getByRole('button', { name: 'Add category' }).click();
  await menu.getByRole('button', { name: 'Add an item to Snacks' }).click();
  await menu.getByLabel('Item name').fill('Mysore Bonda');
  await menu.getByLabel('Price (INR)').fill('60');
  await expect(menu.getByLabel('Add a photo of Mysore Bonda')).toBeDisabled();
  await menu.getByRole('button', { name: 'Save menu' }).click();
  await expect(menu.getByText('Menu saved on this device.')).toBeVisible();

  await page.getByRole('tab', { name: 'Hours' }).click();
  const hours = page.getByRole('tabpanel', { name: 'Hours' });
  await hours.getByRole('button', { name: 'Add hours on Monday' }).click();
  await hours.getByLabel('Monday opens').fill('00:00');
  await hours.getByLabel('Monday closes').fill('00:00');
  await hours.getByRole('button', { name: 'Use Monday’s hours on every day' }).click();
  await hours.getByRole('button', { name: 'Save hours' }).click();
  await expect(hours.getByText('Hours saved on this device.')).toBeVisible();

  await page.getByRole('tab', { name: 'Delivery zones' }).click();
  const zones = page.getByRole('tabpanel', { name: 'Delivery zones' });
  await zones.getByRole('button', { name: 'Add a zone' }).click();
  await zones.getByLabel('Zone 1 name').fill('Koramangala');
  await zones.getByLabel('Zone 1 delivery fee (INR)').fill('30');
  await zones.getByRole('button', { name: 'Save zones' }).click();
  await expect(zones.getByText('Zones saved on this device.')).toBeVisible();

  // Everything so far is only on this device; the reload offline still shows it.
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Dabba Koramangala' })).toBeVisible();
  await page.context().setOffline(false);
  await expect(page.locator('.outlet-editor__head').getByText('synced', { exact: true })).toBeVisible({ timeout: 15_000 });

  const customer = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await blockMapTiles(customer);
  await customer.goto(`${server.url}/order/`);
  await customer.getByRole('link', { name: /Dabba Koramangala/ }).click();
  await expect(menuItem(customer, 'Mysore Bonda')).toContainText('₹60.00');
  await expect(customer.getByText('Open — taking orders')).toBeVisible();
});

test('an admin charges GST on top of menu prices: the customer sees it before ordering and on the printed receipt', async () => {
  const { server, browser } = env();
  const page = await openAdminDesk(browser, server.url);
  await expectConnected(page);
  await openOutlet(page, 'Dabba Demo Kitchen');
  await page.getByRole('tab', { name: 'Taxes' }).click();
  const taxes = page.getByRole('tabpanel', { name: 'Taxes' });
  // The demo kitchen starts with GST inside its prices, half central and half state.
  await expect(taxes.getByRole('group', { name: 'Tax 2' }).getByLabel('Name on receipts')).toHaveValue('SGST');
  await taxes.getByRole('button', { name: 'Remove SGST' }).click();
  await taxes.getByRole('button', { name: 'Remove CGST' }).click();
  await expect(taxes.getByText('No taxes: receipts show menu prices and fees only.')).toBeVisible();
  await taxes.getByRole('button', { name: 'Add a tax' }).click();
  const gst = taxes.getByRole('group', { name: 'Tax 1' });
  await gst.getByLabel('Rate (%)').fill('55');
  await expect(gst.getByText('Use a rate from 0.01 to 50, such as 5 or 2.5.')).toBeVisible();
  await gst.getByLabel('Rate (%)').fill('5');
  await expect(gst.getByLabel('Menu prices already include it')).not.toBeChecked();
  await expect(taxes.getByRole('figure', { name: 'Example receipt' })).toContainText('customers pay ₹145.00');
  await taxes.getByRole('button', { name: 'Save taxes' }).click();
  await expect(taxes.getByText('Taxes saved on this device.')).toBeVisible();
  await expect(page.locator('.outlet-editor__head').getByText('synced', { exact: true })).toBeVisible();

  const guest = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await guest.goto(`${server.url}/order/demo-outlet?table=T4`);
  await guest.getByRole('article', { name: 'Filter Coffee' }).getByRole('button', { name: 'Add to cart' }).click();
  await fillCustomer(guest, 'Taxed Guest');
  await guest.getByRole('button', { name: 'Review order' }).click();
  const review = guest.getByRole('region', { name: 'Review your order' });
  await expect(review).toContainText('GST 5%₹2.50');
  await expect(review).toContainText('Total₹52.50');
  await review.getByRole('button', { name: 'Place order' }).click();
  await guest.waitForURL(/\/track\//);
  const receipt = guest.getByRole('region', { name: 'Receipt' });
  await expect(receipt).toContainText('GST 5%₹2.50');
  await expect(receipt).toContainText('Total ₹52.50');
  await guest.emulateMedia({ media: 'print' });
  await expect(receipt.getByText('GST 5%')).toBeVisible();
});
