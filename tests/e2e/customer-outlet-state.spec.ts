import { expect, test } from '@playwright/test';
import { login } from '../integration/support/api';
import { availabilityOf, editOutletDoc, menuOf, setUpOutlet, statusOf } from '../integration/support/outletDoc';
import { DEMO_MENU } from '../../sync-server/seed/demoCatalog';
import { freshServerPerTest } from './support/freshServer';
import { fillCustomer, menuItem, uploadMenuPhoto } from './support/orderPage';

const HOUR = 3_600_000;

const env = freshServerPerTest();

test('a customer finds the outlet in the list with its address, hours and time; an item with a photo shows it; an item the kitchen ran out of stays on its menu but cannot be added', async () => {
  const { server, browser } = env();
  const staff = await login(server.url, 'outlet');
  const admin = await login(server.url, 'admin');
  await editOutletDoc(server.url, staff, (doc) => availabilityOf(doc).set('plain-dosa', { available: false, at: Date.now() }));
  const photo = await uploadMenuPhoto(server.url, admin.token);
  const withPhoto = { ...DEMO_MENU, items: DEMO_MENU.items.map((i) => (i.id === 'masala-dosa' ? { ...i, photo } : i)) };
  await editOutletDoc(server.url, admin, (doc) => menuOf(doc).set('value', withPhoto));
  // A second kitchen whose hours start two hours from now, in its own time zone.
  const inKolkata = (at: number) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Kolkata', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  const evening = { open: inKolkata(Date.now() + 2 * HOUR), close: inKolkata(Date.now() + 3 * HOUR) };
  await setUpOutlet(server.url, admin, 'night-kitchen', 'Night Kitchen', { hours: Array.from({ length: 7 }, () => [evening]) });

  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${server.url}/order/`);
  const demo = page.getByRole('link', { name: /Dabba Demo Kitchen/ });
  await expect(demo).toContainText('12 MG Road, Bengaluru 560001');
  await expect(demo).toContainText('Open now, 24 hours');
  await expect(demo).toContainText('Delivery in about 30–40 min');
  const night = page.getByRole('link', { name: /Night Kitchen/ });
  await expect(night).toContainText(/Closed now; opens (tomorrow )?at \d\d:\d\d\./);
  await expect(night).not.toContainText('Delivery in about');

  await demo.click();
  await page.waitForURL(/\/order\/demo-outlet$/);
  await expect(page.getByRole('banner')).toContainText('Delivery in about 30–40 min');
  // The photo is named after its dish and sized before it loads; a dish without one has no empty box.
  const img = menuItem(page, 'Masala Dosa').getByRole('img', { name: 'Masala Dosa' });
  await expect(img).toHaveAttribute('loading', 'lazy');
  await expect(img).toHaveAttribute('width', '96');
  await expect(img).toHaveAttribute('height', '96');
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
  await expect(menuItem(page, 'Filter Coffee').locator('img')).toHaveCount(0);
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
  await expect(customer.getByRole('banner')).toContainText('Pickup in about 15 min');
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
