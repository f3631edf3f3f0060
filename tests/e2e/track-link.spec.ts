import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import type { OrderId } from '../../shared/ids';
import { orderNumber } from '../../shared/order/orderNumber';
import { login } from '../integration/support/api';
import { appendAs, reportPosition } from '../integration/support/drivers';
import { boxOf } from './support/boxes';
import { DROPOFF } from './support/deliveryOrder';
import { freshServerPerTest } from './support/freshServer';
import { blockMapTiles } from './support/orderPage';
import { placePickupOrderWithLink, postOrder } from './support/placeOrder';

const OFFLINE = 'Offline — showing the last known status';
const LIVE = 'Live — this page updates by itself';
const PHONE = { width: 390, height: 844 };
/** Two masala dosas with coconut chutney and ghee roast, and a plain dosa: a cart with options to get back. */
const ITEMS = [
  {
    itemId: 'masala-dosa',
    qty: 2,
    modifiers: [
      { groupId: 'chutney', optionId: 'coconut' },
      { groupId: 'extras', optionId: 'ghee' },
    ],
  },
  { itemId: 'plain-dosa', qty: 1 },
];
const CUSTOMER = { name: 'Tara Tracker', phone: '+91 98450 44444' };

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

/** Every pin's marker lies wholly inside the map's frame: nothing pinned is out of sight (once a refit's animation settles). */
async function expectPinsInView(map: Locator, pins: readonly Locator[]): Promise<void> {
  for (const pin of pins) await expect(pin).toBeVisible();
  await expect(async () => {
    const frame = await boxOf(map);
    for (const pin of pins) {
      const box = await boxOf(pin);
      expect(box.x).toBeGreaterThanOrEqual(frame.x);
      expect(box.y).toBeGreaterThanOrEqual(frame.y);
      expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width);
      expect(box.y + box.height).toBeLessThanOrEqual(frame.y + frame.height);
    }
  }).toPass({ timeout: 10_000 });
}

/** Places ITEMS for CUSTOMER, paying cash, as the ordering page would; `more` says how it comes. */
const placeWithOptions = (baseUrl: string, more: object) =>
  postOrder(baseUrl, { outletId: 'demo-outlet', items: ITEMS, customer: CUSTOMER, payment: { method: 'cash' }, ...more });

async function openPhone(browser: Browser, url: string, setUp: (page: Page) => Promise<unknown> = async () => {}): Promise<Page> {
  const page = await (await browser.newContext({ viewport: PHONE })).newPage();
  await blockMapTiles(page);
  await setUp(page);
  await page.goto(url);
  return page;
}

test('a delivery’s link copies itself, names the order and its items, keeps outlet, drop-off and driver in view, and ends delivered with its receipt', async () => {
  const { server, browser } = env();
  const { orderId, trackingUrl } = await placeWithOptions(server.url, { type: 'delivery', address: DROPOFF });
  const page = await openPhone(browser, trackingUrl, (p) =>
    p.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin }),
  );
  await expect(page.getByRole('heading', { level: 1, name: 'Placed' })).toBeVisible();

  // No share sheet on this browser: the link is copied, and the page says so.
  await page.getByRole('button', { name: 'Copy tracking link' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Copied/ })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());

  const details = page.getByRole('region', { name: 'Your order' });
  await expect(details).toContainText(`Order number${orderNumber(orderId)}`);
  await expect(details).toContainText('Delivering toCentral Bengaluru');
  await expect(details.getByRole('listitem').filter({ hasText: '2 × Masala Dosa' })).toContainText('Coconut, Ghee roast');
  await expect(details.getByRole('listitem').filter({ hasText: '1 × Plain Dosa' })).toBeVisible();
  await expect(details).not.toContainText('Residency');

  const map = page.getByRole('region', { name: 'Map with Dabba Demo Kitchen and your drop-off' });
  await map.scrollIntoViewIfNeeded();
  await expectPinsInView(map, [page.locator('.track-pin--outlet'), page.locator('.track-pin--dropoff')]);

  // On its way, the driver's phone is north of the outlet, off the first view: the map widens to hold all three.
  const [admin, outlet, driver] = await Promise.all([login(server.url, 'admin'), login(server.url, 'outlet'), login(server.url, 'driver')]);
  const id = orderId as OrderId;
  await appendAs(server.url, admin, id, { type: 'assigned', driverId: driver.user.id });
  await appendAs(server.url, outlet, id, { type: 'accepted', prepMinutes: 10 });
  await appendAs(server.url, driver, id, { type: 'picked_up' });
  await reportPosition(server.url, driver, { lat: 12.988, lng: 77.61 });
  const withDriver = page.getByRole('region', { name: 'Map with Dabba Demo Kitchen, your drop-off and Ravi’s position' });
  await expect(withDriver).toBeVisible();
  await expectPinsInView(withDriver, [
    page.locator('.track-pin--outlet'),
    page.locator('.track-pin--dropoff'),
    page.locator('.map-driver'),
  ]);
  await page.screenshot({ path: test.info().outputPath('track-on-the-way.png'), fullPage: true });

  await appendAs(server.url, driver, id, { type: 'delivered', proof: 'a'.repeat(64) });
  await expect(page.getByRole('heading', { level: 1, name: /^Delivered at \d{1,2}:\d{2}/ })).toBeVisible();
  await expect(page.getByText(LIVE)).toHaveCount(0);
  await expect(page.getByRole('region', { name: /^Map with/ })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Receipt' })).toBeInViewport({ ratio: 0.2 });
  await expect(page.getByRole('link', { name: 'Order again' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('track-delivered.png'), fullPage: true });
});

test('a pickup’s link shares through the share sheet and says where to collect it; declined, it gives the reason and orders the same again', async () => {
  const { server, browser } = env();
  const { orderId, trackingUrl } = await placeWithOptions(server.url, { type: 'pickup' });
  // A phone's share sheet, recording what it was given.
  const page = await openPhone(browser, trackingUrl, (p) =>
    p.addInitScript(() => {
      Object.defineProperty(navigator, 'share', { value: async (data: ShareData) => Reflect.set(window, 'sharedLink', data.url) });
    }),
  );
  await expect(page.getByText(LIVE)).toBeVisible();
  await page.getByRole('button', { name: 'Share tracking link' }).click();
  await expect.poll(() => page.evaluate(() => Reflect.get(window, 'sharedLink'))).toBe(page.url());
  await expect(page.getByRole('region', { name: 'Your order' })).toContainText(
    'Pick up atDabba Demo Kitchen, 12 MG Road, Bengaluru 560001',
  );

  const outlet = await login(server.url, 'outlet');
  await appendAs(server.url, outlet, orderId as OrderId, { type: 'rejected', reason: 'Out of rice batter tonight' });
  await expect(page.getByRole('heading', { level: 1, name: 'The restaurant declined your order' })).toBeVisible();
  await expect(page.getByText('Their reason: “Out of rice batter tonight”')).toBeVisible();
  await expect(page.getByText(LIVE)).toHaveCount(0);
  const again = page.getByRole('link', { name: 'Order again' });
  await expect(again).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('track-declined.png'), fullPage: true });

  await again.click();
  await page.waitForURL(/\/order\/demo-outlet$/);
  const cart = page.getByRole('region', { name: 'Your cart' });
  const dosa = cart.getByRole('listitem', { name: 'Masala Dosa' });
  await expect(dosa).toContainText('Coconut, Ghee roast');
  await expect(dosa.getByRole('status', { name: 'Quantity of Masala Dosa' })).toHaveText('2');
  await expect(cart.getByRole('listitem', { name: 'Plain Dosa' }).getByRole('status', { name: 'Quantity of Plain Dosa' })).toHaveText('1');
  // The lines went into the cart once: a reload keeps them, and adds none.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Your cart' }).getByRole('status', { name: 'Quantity of Masala Dosa' })).toHaveText('2');
});

test('an unknown tracking link says the order cannot be found', async () => {
  const { server, browser } = env();
  const page = await browser.newPage();
  await page.goto(`${server.url}/track/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`);
  await expect(page.getByRole('heading', { name: "We can't find this order" })).toBeVisible();
  await expect(page.getByText(/Live|Offline/)).toHaveCount(0);
});
