import { expect, test } from '@playwright/test';
import { loginAs, placeDeliveryOrder } from './support/deliveryOrder';
import { DOORSTEP_JPEG, goOnShift, offerCard, openDriverPhone, pickUpEverything } from './support/driverPage';
import { boxOf } from './support/boxes';
import { freshServerPerTest } from './support/freshServer';
import { fetchProof, serverOrderEvents } from './support/orderDoc';
import { orderCard, signInAsOutlet } from './support/outletPage';

const CUSTOMER = 'Dev Deadzone';
const PHONE = { width: 390, height: 844 };
/** Where the driver is when the network goes: a street from the drop-off. */
const DEAD_ZONE = { latitude: 12.9672, longitude: 77.5975 };

const env = freshServerPerTest();

test('a driver who loses the network after pickup delivers with a photo offline, reloads, and once back online the order shows delivered at the offline time, with the photo, for the outlet and the tracking page', async () => {
  const { server, browser } = env();
  const { context: phone, page: driver } = await openDriverPhone(browser, server.url);
  await goOnShift(driver);

  const { orderId, trackingUrl } = await placeDeliveryOrder(server.url, CUSTOMER);
  const tracking = await (await browser.newContext({ viewport: PHONE })).newPage();
  await tracking.route(/tile\.openstreetmap\.org/, (route) => route.abort());
  await tracking.goto(`${server.url}${new URL(trackingUrl, server.url).pathname}`);
  const tablet = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
  await tablet.goto(`${server.url}/outlet/`);
  await signInAsOutlet(tablet);
  await orderCard(tablet, CUSTOMER).getByRole('button', { name: 'Accept' }).click();

  // Online: accept the offer and pick the order up.
  await offerCard(driver).getByRole('button', { name: 'Accept' }).click();
  await pickUpEverything(driver, { early: true });
  await expect(driver.getByRole('heading', { name: `Deliver to ${CUSTOMER}` })).toBeVisible();
  await expect(driver.getByText('synced', { exact: true })).toBeVisible();
  await expect(tracking.getByRole('heading', { level: 1, name: 'Picked up — on the way' })).toBeVisible();

  // The network goes; the phone keeps moving and measuring.
  await phone.setOffline(true);
  await expect(driver.getByText('Offline — changes are saved on this device')).toBeVisible();
  await phone.setGeolocation(DEAD_ZONE);
  const waiting = driver.getByRole('status', { name: 'Waiting to upload' });
  await expect(waiting).toContainText(/\d+ locations?/);

  // At the door with no signal: photo, cash, delivered. The phone records its own time.
  await driver.getByRole('button', { name: 'Delivered' }).click();
  await driver.getByLabel('Take photo').setInputFiles(DOORSTEP_JPEG);
  await expect(driver.getByRole('img', { name: 'The doorstep photo you took' })).toBeVisible();
  await driver.getByLabel('I collected ₹270.00 in cash').check();
  const pressedFrom = Date.now();
  await driver.getByRole('button', { name: 'Confirm delivered' }).click();
  await expect(driver.getByRole('heading', { name: /^Delivered at/ })).toBeVisible();
  const pressedBy = Date.now();
  await expect(driver.getByText('saved on this device', { exact: true })).toBeVisible();
  await expect(driver.getByRole('list', { name: 'Proof of delivery' })).toContainText('Photo waiting to upload');
  await expect(waiting).toContainText('1 job update');
  await expect(waiting).toContainText('1 photo');

  // Signing out now would strand them, so the app asks; the question gets a row of its own under the name.
  await driver.getByRole('button', { name: 'Sign out' }).click();
  const signOut = driver.getByRole('alertdialog');
  await expect(signOut).toContainText('saved only on this device');
  const title = await boxOf(driver.getByRole('heading', { level: 1 }));
  for (const control of [
    signOut,
    signOut.getByRole('button', { name: 'Sign out anyway' }),
    signOut.getByRole('button', { name: 'Stay signed in' }),
  ]) {
    const box = await boxOf(control);
    expect(box.y).toBeGreaterThanOrEqual(title.y + title.height);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  }
  await driver.screenshot({ path: test.info().outputPath('driver-sign-out-confirm.png') });
  await signOut.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(signOut).toHaveCount(0);

  // Still offline, the app reloads from the service worker with everything it had.
  await driver.waitForTimeout(2_000);
  await driver.reload();
  await expect(driver.getByText('Offline — changes are saved on this device')).toBeVisible();
  await expect(driver.getByRole('heading', { name: /^Delivered at/ })).toBeVisible();
  await expect(driver.getByRole('list', { name: 'Proof of delivery' })).toContainText('Photo waiting to upload');
  await expect(waiting).toContainText('1 photo');
  // Nobody else has heard of it yet: not the server, not the tracking page.
  const admin = await loginAs(server.url, 'admin');
  expect((await serverOrderEvents(server.url, orderId, admin.token)).map((e) => e.type)).not.toContain('delivered');
  await expect(tracking.getByRole('heading', { level: 1, name: 'Picked up — on the way' })).toBeVisible();

  // The network returns: the delivery, the photo and the trail go out, and the badges clear.
  const backAt = Date.now();
  await phone.setOffline(false);
  await expect(driver.getByText('Online', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(driver.getByText('synced', { exact: true })).toBeVisible();
  await expect(driver.getByRole('list', { name: 'Proof of delivery' })).toContainText('Photo uploaded');
  await expect(waiting).toHaveCount(0);

  await expect(tracking.getByRole('heading', { level: 1, name: 'Delivered' })).toBeVisible();
  await tablet.getByText('Done today').click();
  await expect(tablet.locator(`[data-order-id="${orderId}"]`).getByText(/^Delivered \d{1,2}:\d{2}/)).toBeVisible();

  // The server's copy: delivered when the driver pressed it, not when it synced; the photo is there.
  const delivered = (await serverOrderEvents(server.url, orderId, admin.token)).find((e) => e.type === 'delivered');
  expect(delivered?.at).toBeGreaterThanOrEqual(pressedFrom);
  expect(delivered?.at).toBeLessThanOrEqual(pressedBy);
  expect(delivered?.at).toBeLessThan(backAt - 2_000);
  const proofId = delivered?.type === 'delivered' ? (delivered.proof ?? '') : '';
  expect(await fetchProof(server.url, orderId, proofId, admin.token)).toEqual({ status: 200, type: 'image/jpeg', sha256: proofId });

  // The trail buffered in the dead zone reached the server: its last position is where the phone was.
  const me = await loginAs(server.url, 'driver');
  const position = (
    (await (await fetch(`${server.url}/api/driver/me`, { headers: { authorization: `Bearer ${me.token}` } })).json()) as {
      position: { lat: number; lng: number };
    }
  ).position;
  expect(position).toMatchObject({ lat: DEAD_ZONE.latitude, lng: DEAD_ZONE.longitude });
});
