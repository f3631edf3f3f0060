import { expect, test, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { signInAsAdmin } from './support/adminPage';
import { loginAs, placeDeliveryOrder } from './support/deliveryOrder';
import { goOnShift, NEAR_OUTLET } from './support/driverPage';
import { freshServerPerTest } from './support/freshServer';
import { addMasalaDosa, blockMapTiles, fillCustomer } from './support/orderPage';
import { checkScreen, SIZES, type Size } from './support/screenCheck';

// Every main screen of every app at a phone and both tablet orientations: what people press first is
// on screen without scrolling, no fixed bar hides a control, axe-core finds nothing serious, and a
// screenshot of each is kept with the test's artifacts.

const fresh = freshServerPerTest();

async function openAt(browser: Browser, size: Size, url: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ ...options, viewport: { width: size.width, height: size.height } });
  const page = await context.newPage();
  await blockMapTiles(page);
  await page.goto(url);
  return page;
}

async function signIn(page: Page, email: string): Promise<void> {
  await signInAsAdmin(page, email);
  await expect(page.getByText('Online', { exact: true })).toBeVisible();
}

test('the landing page and the customer’s screens', async () => {
  const { server, browser } = fresh();
  const { trackingUrl } = await placeDeliveryOrder(server.url, 'Meera');
  for (const size of SIZES) {
    // Customers order on phones: each screen is scanned there.
    const scan = size.name === 'phone';
    const page = await openAt(browser, size, `${server.url}/`);
    await checkScreen(page, 'home', size, page.getByRole('link', { name: /order/i }).first(), { scan });

    await page.goto(`${server.url}/order/`);
    await checkScreen(page, 'order-outlets', size, page.getByRole('link', { name: /Dabba Demo Kitchen/ }), { scan });

    await page.getByRole('link', { name: /Dabba Demo Kitchen/ }).click();
    await checkScreen(page, 'order-menu', size, page.getByRole('button', { name: /^Add/ }).first(), { scan });

    await addMasalaDosa(page, 1);
    // The cart is reached from a bar, which gives way where the cart itself is already on screen.
    const cart = page.getByRole('heading', { name: 'Your cart' });
    const bar = page.getByRole('link', { name: /^Go to cart/ });
    await expect(cart).toBeAttached();
    const barShown = (await bar.count()) > 0;
    await checkScreen(page, 'order-menu-with-cart', size, barShown ? bar : cart, { scan });

    if (barShown) await bar.click();
    await page.getByRole('radio', { name: 'Pickup' }).check();
    await fillCustomer(page, 'Meera');
    await page.getByRole('button', { name: 'Review order' }).click();
    const place = page.getByRole('button', { name: 'Place order' });
    await checkScreen(page, 'order-review', size, place, { opened: 'where the app scrolled', scan });
    await place.click();
    await page.waitForURL(/\/track\//);

    await page.goto(`${server.url}/order/?view=orders`);
    const placedHere = page.getByRole('list', { name: 'Orders placed from this device' }).getByRole('link').first();
    await checkScreen(page, 'your-orders', size, placedHere, { scan });

    await page.goto(`${server.url}${new URL(trackingUrl, server.url).pathname}`);
    await checkScreen(page, 'track', size, page.getByRole('heading', { level: 1 }), { scan });
    await page.context().close();
  }
});

test('the outlet’s screens', async () => {
  // Scanning a board full of live timers takes axe-core a while on two busy cores.
  test.slow();
  const { server, browser } = fresh();
  await placeDeliveryOrder(server.url, 'Meera');
  const page = await openAt(browser, SIZES[0], `${server.url}/outlet/`);
  await signIn(page, 'outlet@dabba.local');
  for (const size of SIZES) {
    // Kitchens use landscape tablets: each screen is scanned there.
    const scan = size.name === 'landscape';
    await page.setViewportSize(size);
    await page.goto(`${server.url}/outlet/#/board`);
    const accept = page.getByRole('article', { name: 'Meera' }).getByRole('button', { name: 'Accept' });
    await checkScreen(page, 'outlet-board', size, accept, { scan });
    await page.goto(`${server.url}/outlet/#/phone`);
    await checkScreen(page, 'outlet-phone-order', size, page.getByLabel(/name/i).first(), { scan });
    await page.goto(`${server.url}/outlet/#/history`);
    await checkScreen(page, 'outlet-history', size, page.getByRole('heading', { name: 'Order history' }), { scan });
  }
});

test('the driver’s screens', async () => {
  const { server, browser } = fresh();
  const phone = SIZES[0];
  const driver = await openAt(browser, phone, `${server.url}/driver/`, { geolocation: NEAR_OUTLET, permissions: ['geolocation'] });
  await signIn(driver, 'driver@dabba.local');
  await checkScreen(driver, 'driver-off-shift', phone, driver.getByRole('button', { name: 'Go on shift' }), { scan: true });
  await goOnShift(driver);
  const { orderId } = await placeDeliveryOrder(server.url, 'Meera');
  const admin = await loginAs(server.url, 'admin');
  const assigned = await fetch(`${server.url}/newdelivery`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
    body: JSON.stringify({ orderId }),
  });
  expect(assigned.status).toBe(200);
  const openJob = driver.getByRole('link', { name: /^Open job/ });
  for (const size of SIZES) {
    const scan = size === phone;
    await driver.setViewportSize(size);
    if (size !== phone) await driver.goBack();
    await checkScreen(driver, 'driver-jobs', size, openJob, { scan });
    await openJob.click();
    await checkScreen(driver, 'driver-pickup', size, driver.getByRole('link', { name: 'Navigate to pickup', exact: true }), { scan });
  }
});

test('the admin’s screens', async () => {
  const { server, browser } = fresh();
  await placeDeliveryOrder(server.url, 'Meera');
  const desk = await openAt(browser, SIZES[1], `${server.url}/admin/`);
  await signIn(desk, 'admin@dabba.local');
  for (const size of SIZES) {
    await desk.setViewportSize(size);
    await desk.goto(`${server.url}/admin/`);
    const row = desk.getByRole('row').filter({ hasText: 'Meera' }).getByRole('link').first();
    await checkScreen(desk, 'admin-live', size, row, { scan: size.name === 'landscape' });
  }
});
