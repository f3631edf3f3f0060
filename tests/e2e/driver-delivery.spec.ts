import { expect, test } from '@playwright/test';
import { loginAs } from './support/deliveryOrder';
import {
  DOORSTEP_JPEG,
  driverDot,
  goOnShift,
  NEAR_OUTLET,
  offerCard,
  openDriverPhone,
  pickUpEverything,
  tones,
} from './support/driverPage';
import { freshServerPerTest } from './support/freshServer';
import { addMasalaDosa, blockMapTiles, dragPin, fillCustomer } from './support/orderPage';
import { fetchProof, serverOrderEvents } from './support/orderDoc';
import { orderCard, signInAsOutlet } from './support/outletPage';

const CUSTOMER = 'Kavya Doorstep';
const PHONE = { width: 390, height: 844 };

const env = freshServerPerTest();

test('a customer orders, the outlet accepts, the offer rings on the on-shift driver, who accepts, picks up and delivers with a photo, while the tracking page follows every step and the moving driver', async () => {
  const { server, browser } = env();

  // The driver's phone: signed in, on shift, its emulated position a block from the outlet.
  const { context: phone, page: driver } = await openDriverPhone(browser, server.url);
  await goOnShift(driver);

  // The customer orders two Masala Dosas for delivery on the ordering page.
  const customer = await (await browser.newContext({ viewport: PHONE })).newPage();
  await blockMapTiles(customer);
  await customer.goto(`${server.url}/order/demo-outlet`);
  await addMasalaDosa(customer, 2);
  await customer.getByLabel('Delivery address').fill('22 Residency Road, Bengaluru');
  await dragPin(customer, -60, 60);
  await expect(customer.getByText(/We deliver there/)).toBeVisible();
  await fillCustomer(customer, CUSTOMER);
  await customer.getByRole('button', { name: 'Review order' }).click();
  await customer.getByRole('button', { name: 'Place order' }).click();
  await customer.waitForURL(/\/track\//);

  // Someone else follows the same tracking link on another phone.
  const tracking = await (await browser.newContext({ viewport: PHONE })).newPage();
  await tracking.route(/tile\.openstreetmap\.org/, (route) => route.abort());
  await tracking.goto(customer.url());
  await expect(tracking.getByRole('heading', { level: 1, name: 'Placed' })).toBeVisible();

  // The outlet accepts it: dispatch offers it to the driver, and the phone rings.
  const tablet = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
  await tablet.goto(`${server.url}/outlet/`);
  await signInAsOutlet(tablet);
  await orderCard(tablet, CUSTOMER).getByRole('button', { name: 'Accept' }).click();
  await expect(tracking.getByRole('heading', { level: 1, name: 'Accepted' })).toBeVisible();

  const offer = offerCard(driver);
  await expect(offer).toBeVisible();
  await expect(driver.getByRole('region', { name: 'Delivery offers' })).toHaveAttribute('data-ringing', 'true');
  await expect.poll(() => tones(driver)).toBeGreaterThanOrEqual(6);
  await expect(offer).toContainText('12 MG Road');
  await expect(offer).toContainText('Residency Road');
  await expect(offer.getByText('Cash to collect')).toBeVisible();
  await expect(offer).toContainText('₹280.00');
  // The pay there is (the customer's delivery fee, named so), the distance from the phone's own fix, a map of the trip.
  await expect(offer).toContainText(/Delivery fee\s*₹40\.00 charged to the customer/);
  await expect(offer).toContainText(/To pickup\s*60 m/);
  await expect(offer.getByRole('img', { name: /^Map: pickup at Dabba Demo Kitchen, drop-off in .*Residency Road/ })).toBeVisible();
  await expect(offer.locator('.offer-map__pickup')).toBeVisible();
  await expect(offer.locator('.offer-map__dropoff')).toBeVisible();
  await expect(offer.getByRole('button', { name: 'Accept' })).toBeInViewport({ ratio: 1 });
  await driver.screenshot({ path: test.info().outputPath('driver-offer.png') });
  await expect(offer.getByRole('timer')).toHaveText(/^[01]:\d\d$/);
  const orderId = await offer.getAttribute('data-order-id');
  expect(orderId).toBeTruthy();

  await offer.getByRole('button', { name: 'Accept' }).click();
  // The order document reaches the phone after the server assigns it; with two suites' servers and browsers
  // on two cores this has taken longer than the 15 s default once (alone: about a second).
  await expect(driver.getByRole('heading', { name: 'Pick up at Dabba Demo Kitchen' })).toBeVisible({ timeout: 30_000 });
  await expect(driver.getByRole('region', { name: 'Delivery offers' })).toHaveAttribute('data-ringing', 'false');
  await expect(driver.getByRole('link', { name: 'Navigate to pickup', exact: true })).toHaveAttribute(
    'href',
    /^geo:12\.975600,77\.606600\?q=/,
  );
  await expect(driver.getByRole('link', { name: 'Call outlet' })).toHaveAttribute('href', 'tel:+918040001234');
  await expect(tracking.getByRole('heading', { name: 'Ravi will bring your order' })).toBeVisible();
  await expect(tracking.getByText(/^Arriving around \d{1,2}:\d{2}/)).toBeVisible();

  // At the counter: the driver asks for the order by number and name; every item into the bag, then Picked up.
  await expect(driver.getByText(/^Order #[34679ACDEFHJKMNPQRTUVWXY]{5} for Kavya Doorstep$/)).toBeVisible();
  await driver.getByRole('button', { name: 'Picked up', exact: true }).click();
  await expect(driver.getByText('Tick each item as it goes into the bag first.')).toBeVisible();
  // The kitchen only accepted it: the app asks before the driver takes it early; "Not yet" changes nothing.
  const bag = driver.getByRole('group', { name: 'Check the items into the bag' });
  for (const item of await bag.getByRole('checkbox').all()) await item.check();
  await driver.getByRole('button', { name: 'Picked up', exact: true }).click();
  const early = driver.getByRole('alertdialog', { name: 'The kitchen hasn’t marked this ready. Picked up anyway?' });
  await expect(early).toBeVisible();
  await expect(early.getByRole('button', { name: 'Picked up anyway' })).toBeInViewport({ ratio: 1 });
  await driver.screenshot({ path: test.info().outputPath('driver-pickup-early.png') });
  await early.getByRole('button', { name: 'Not yet' }).click();
  await expect(early).toHaveCount(0);
  await pickUpEverything(driver, { early: true });
  await expect(driver.getByRole('heading', { name: `Deliver to ${CUSTOMER}` })).toBeVisible();
  await expect(driver.getByRole('link', { name: 'Call customer' })).toHaveAttribute('href', 'tel:+919845012345');
  await expect(driver.getByRole('link', { name: 'Navigate to drop-off', exact: true })).toHaveAttribute('href', /^geo:/);

  // An emulated position keeps the time it was set at, which by now may be a minute old: the driver
  // steps out to the bike and the phone measures again.
  await phone.setGeolocation(NEAR_OUTLET);

  // The tracking page shows the driver on the way, with a dot where the phone is.
  await expect(tracking.getByRole('heading', { level: 1, name: 'Picked up — on the way' })).toBeVisible();
  await expect(tracking.getByRole('heading', { name: 'Ravi is on the way' })).toBeVisible();
  // Honest about the kitchen: Ready never happened, and the pickup says it came first.
  const progress = tracking.getByRole('list', { name: 'Order progress' });
  await expect(progress.locator('.timeline__step--skipped')).toHaveCount(2);
  await expect(progress).toContainText('Picked up before the kitchen marked it ready');
  await expect(driverDot(tracking)).toBeVisible();
  await expect(tracking.getByText('Location updated just now')).toBeVisible();
  const before = await driverDot(tracking).boundingBox();

  // The driver rides ~400 m towards the customer: the dot follows.
  await phone.setGeolocation({ latitude: 12.9731, longitude: 77.6036 });
  await expect
    .poll(
      async () => {
        const now = await driverDot(tracking).boundingBox();
        return now && before ? Math.hypot(now.x - before.x, now.y - before.y) : 0;
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThan(20);
  await expect(tracking.getByText('Location updated just now')).toBeVisible();

  // At the door: a photo and the cash, then delivered.
  await driver.getByRole('button', { name: 'Delivered' }).click();
  await driver.getByRole('button', { name: 'Confirm delivered' }).click();
  const askForProof = driver.getByRole('alert').filter({ hasText: 'take a photo at the door' });
  await expect(askForProof).toBeVisible();
  await driver.getByLabel('Take photo').setInputFiles(DOORSTEP_JPEG);
  await expect(driver.getByRole('img', { name: 'The doorstep photo you took' })).toBeVisible();
  // The photo is there now: the request for one goes.
  await expect(askForProof).toHaveCount(0);
  await driver.getByRole('button', { name: 'Confirm delivered' }).click();
  await expect(driver.getByText(/^Collect ₹280\.00 in cash first/)).toBeVisible();
  await driver.getByLabel('I collected ₹280.00 in cash').check();
  await driver.getByRole('button', { name: 'Confirm delivered' }).click();
  await expect(driver.getByRole('heading', { name: /^Delivered at \d{1,2}:\d{2}/ })).toBeVisible();
  await expect(driver.getByRole('list', { name: 'Proof of delivery' })).toContainText('Photo uploaded');

  await expect(tracking.getByRole('heading', { level: 1, name: 'Delivered' })).toBeVisible();
  await expect(tracking.getByRole('heading', { name: 'Ravi is on the way' })).toHaveCount(0);
  await tablet.getByText('Done today').click();
  await expect(tablet.locator(`[data-order-id="${orderId}"]`).getByText(/^Delivered \d{1,2}:\d{2}/)).toBeVisible();

  // The server has the delivery with its photo, and the cash collected beside it.
  const admin = await loginAs(server.url, 'admin');
  const events = await serverOrderEvents(server.url, orderId ?? '', admin.token);
  const delivered = events.find((e) => e.type === 'delivered');
  expect(delivered?.type === 'delivered' ? delivered.proof : undefined).toMatch(/^[0-9a-f]{64}$/);
  expect(events.some((e) => e.type === 'cash_collected' && e.amount === 28_000)).toBe(true);
  const proofId = delivered?.type === 'delivered' ? (delivered.proof ?? '') : '';
  const proof = await fetchProof(server.url, orderId ?? '', proofId, admin.token);
  expect(proof).toEqual({ status: 200, type: 'image/jpeg', sha256: proofId });
});
