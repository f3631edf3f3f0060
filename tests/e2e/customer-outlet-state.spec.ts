import { expect, test } from '@playwright/test';
import { login } from '../integration/support/api';
import { availabilityOf, editOutletDoc, statusOf } from '../integration/support/outletDoc';
import { freshServerPerTest } from './support/freshServer';
import { fillCustomer, menuItem } from './support/orderPage';

const env = freshServerPerTest();

test('a customer finds the outlet in the list; an item the kitchen ran out of stays on its menu but cannot be added', async () => {
  const { server, browser } = env();
  const staff = await login(server.url, 'outlet');
  await editOutletDoc(server.url, staff, (doc) => availabilityOf(doc).set('plain-dosa', { available: false, at: Date.now() }));

  const page = await browser.newPage();
  await page.goto(`${server.url}/order/`);
  await page.getByRole('link', { name: /Dabba Demo Kitchen/ }).click();
  await page.waitForURL(/\/order\/demo-outlet$/);
  await expect(menuItem(page, 'Plain Dosa')).toContainText('Not available right now');
  await expect(menuItem(page, 'Plain Dosa').getByRole('button')).toHaveCount(0);
  await expect(menuItem(page, 'Filter Coffee').getByRole('button', { name: 'Add to cart' })).toBeVisible();
});

test("a cart from before the outlet paused is refused with the outlet's reason, and new visitors see it paused", async () => {
  const { server, browser } = env();
  const customer = await browser.newPage();
  await customer.goto(`${server.url}/order/demo-outlet`);
  await expect(customer.getByText('Open — taking orders')).toBeVisible();
  await menuItem(customer, 'Filter Coffee').getByRole('button', { name: 'Add to cart' }).click();
  await customer.getByRole('radio', { name: 'Pickup' }).check();
  await fillCustomer(customer, 'Paused Customer');

  const staff = await login(server.url, 'outlet');
  await editOutletDoc(server.url, staff, (doc) => statusOf(doc).set('paused', { until: null, reason: 'Kitchen cleaning', at: Date.now() }));

  await customer.getByRole('button', { name: 'Review order' }).click();
  await expect(customer.getByRole('alert').filter({ hasText: 'Kitchen cleaning' })).toContainText(
    'Dabba Demo Kitchen is not taking new orders',
  );
  await expect(customer.getByRole('button', { name: 'Place order' })).toHaveCount(0);

  // A new visitor (no cached menu) sees the outlet paused and nothing to add.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`${server.url}/order/demo-outlet`);
  await expect(visitor.getByText('Paused', { exact: true })).toBeVisible();
  await expect(visitor.getByText(/not taking new orders: Kitchen cleaning/)).toBeVisible();
  await expect(visitor.getByRole('button', { name: 'Add to cart' })).toHaveCount(0);
});
