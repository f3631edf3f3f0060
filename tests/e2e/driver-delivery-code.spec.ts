import { expect, test } from '@playwright/test';
import { loginAs, openTrackingPhone, placeDeliveryOrder } from './support/deliveryOrder';
import { goOnShift, offerCard, openDriverPhone, pickUpEverything } from './support/driverPage';
import { boxOf } from './support/boxes';
import { freshServerPerTest } from './support/freshServer';
import { serverOrderEvents } from './support/orderDoc';
import { openOutletTablet, orderCard } from './support/outletPage';

const CUSTOMER = 'Kavya Codewise';

const env = freshServerPerTest();

test('the customer’s tracking page shows the delivery code; the driver’s wrong code is refused with the tries left, and the right one, typed offline, delivers once the phone is back online', async () => {
  const testInfo = test.info();
  const { server, browser } = env();
  const { context: phone, page: driver } = await openDriverPhone(browser, server.url);
  await goOnShift(driver);

  const { orderId, trackingUrl } = await placeDeliveryOrder(server.url, CUSTOMER);
  const tracking = await openTrackingPhone(browser, server.url, trackingUrl);
  const codeCard = tracking.getByRole('region', { name: 'Delivery code' });
  await expect(codeCard).toBeVisible();
  const code = ((await codeCard.locator('.track__code-digits').textContent()) ?? '').replace(/\s/g, '');
  expect(code).toMatch(/^\d{4}$/);
  await tracking.screenshot({ path: testInfo.outputPath('track-delivery-code.png'), fullPage: true });

  const tablet = await openOutletTablet(browser, server.url);
  await orderCard(tablet, CUSTOMER).getByRole('button', { name: 'Accept' }).click();
  await offerCard(driver).getByRole('button', { name: 'Accept' }).click();
  await pickUpEverything(driver, { early: true });
  await expect(driver.getByRole('heading', { name: `Deliver to ${CUSTOMER}` })).toBeVisible();
  // The driver's phone never shows the code.
  await expect(driver.locator('body')).not.toContainText(code);

  // Delivered is the bar's only action; "Can't deliver" sits apart, above it and clear of it.
  const delivered = driver.getByRole('button', { name: 'Delivered' });
  const cannot = driver.getByRole('button', { name: 'Can’t deliver this order…' });
  await expect(delivered).toBeInViewport();
  await expect(driver.locator('.bottom-bar').getByRole('button')).toHaveCount(1);
  await cannot.scrollIntoViewIfNeeded();
  const [a, b] = [await boxOf(cannot), await boxOf(delivered)];
  expect(a.y + a.height).toBeLessThan(b.y);
  await driver.screenshot({ path: testInfo.outputPath('driver-dropoff.png') });

  // Failing asks again, naming the reason; "Keep delivering" changes nothing.
  await cannot.click();
  await driver.getByLabel('Address not found').check();
  await driver.getByRole('button', { name: 'Mark failed…' }).click();
  const confirm = driver.getByRole('alertdialog', { name: 'Mark this delivery failed?' });
  await expect(confirm).toContainText('Reason: Address not found.');
  await driver.screenshot({ path: testInfo.outputPath('driver-confirm-failed.png') });
  await confirm.getByRole('button', { name: 'Keep delivering' }).click();
  await driver.getByRole('button', { name: 'Back' }).click();
  await expect(driver.getByRole('heading', { name: `Deliver to ${CUSTOMER}` })).toBeVisible();

  // A wrong code: refused on the phone, with the tries left, and the try is recorded on the order.
  await delivered.click();
  const wrong = code === '0000' ? '1111' : '0000';
  await driver.getByLabel('Customer’s delivery code').fill(wrong);
  await driver.getByLabel('I collected ₹270.00 in cash').check();
  await driver.getByRole('button', { name: 'Confirm delivered' }).click();
  await expect(driver.getByRole('alert')).toHaveText('That is not the customer’s code: 4 tries left.');
  // The field itself says so too, from the count on the order (it survives a reload).
  await expect(driver.locator('.delivery-code .muted')).toContainText('4 tries left.');
  await driver.screenshot({ path: testInfo.outputPath('driver-wrong-code.png') });

  // No signal at the door: the right code is checked on the phone and the order is delivered there.
  await expect(driver.getByText('synced', { exact: true })).toBeVisible();
  await phone.setOffline(true);
  await expect(driver.getByText('Offline — changes are saved on this device')).toBeVisible();
  await driver.getByLabel('Customer’s delivery code').fill(code);
  await driver.getByRole('button', { name: 'Confirm delivered' }).click();
  await expect(driver.getByRole('heading', { name: /^Delivered at/ })).toBeVisible();
  await expect(driver.getByText('saved on this device', { exact: true })).toBeVisible();
  const admin = await loginAs(server.url, 'admin');
  expect((await serverOrderEvents(server.url, orderId, admin.token)).map((e) => e.type)).not.toContain('delivered');

  // Back online: the server checks the code again and takes it; the customer sees it delivered.
  await phone.setOffline(false);
  await expect(driver.getByText('synced', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(tracking.getByRole('heading', { level: 1, name: 'Delivered' })).toBeVisible();
  await expect(codeCard).toHaveCount(0);
  const events = await serverOrderEvents(server.url, orderId, admin.token);
  expect(events.filter((e) => e.type === 'delivery_code_failed')).toHaveLength(1);
  expect(events.find((e) => e.type === 'delivered')).toMatchObject({ code });
});
