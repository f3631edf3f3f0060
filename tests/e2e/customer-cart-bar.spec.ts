import { expect, test, type Locator } from '@playwright/test';
import { freshServerPerTest } from './support/freshServer';
import { addMasalaDosa, blockMapTiles, menuItem } from './support/orderPage';

const env = freshServerPerTest();

/** Whether two elements share any pixel on screen; one not on the page overlaps nothing. */
async function overlap(a: Locator, b: Locator): Promise<boolean> {
  if ((await a.count()) === 0 || (await b.count()) === 0) return false;
  const [x, y] = await Promise.all([a.boundingBox(), b.boundingBox()]);
  if (!x || !y) return false;
  return x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height;
}

test('on a phone the cart bar carries the total, gives way to the cart and "Place order", and a bad phone is refused at its field', async () => {
  const { server, browser } = env();
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, hasTouch: false });
  await blockMapTiles(page);
  await page.goto(`${server.url}/order/demo-outlet`);
  await addMasalaDosa(page, 2);
  await menuItem(page, 'Plain Dosa').getByRole('button', { name: 'Add to cart' }).click();

  // At the menu, the bar says what the cart holds: 2 × ₹120 + ₹90.
  const bar = page.getByRole('link', { name: /^Go to cart/ });
  await expect(bar).toHaveText('Go to cart · 3 items · ₹330.00');
  await bar.click();

  // Once the cart is on screen the bar is gone: it would only cover the cart and its buttons.
  await expect(page.getByRole('heading', { name: 'Your cart' })).toBeInViewport();
  await expect(bar).toBeHidden();
  await page.getByRole('radio', { name: 'Pickup', exact: true }).check();
  await page.getByLabel('Your name').fill('Meera');

  // Twenty nines is no phone: refused at the field, before any request.
  const phone = page.getByLabel('Phone');
  await phone.fill('99999999999999999999');
  await page.getByRole('button', { name: 'Review order' }).click();
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'Enter a phone number the restaurant can call' })).toBeVisible();

  await phone.fill('98450 12345');
  await page.getByRole('button', { name: 'Review order' }).click();
  const placeOrder = page.getByRole('button', { name: 'Place order' });
  await placeOrder.scrollIntoViewIfNeeded();
  await expect(placeOrder).toBeInViewport();
  await expect(bar).toBeHidden();
  expect(await overlap(bar, placeOrder)).toBe(false);
  await page.screenshot({ path: test.info().outputPath('phone-review.png') });

  // Back up at the menu, the bar comes back.
  await page.getByRole('heading', { name: 'Dabba Demo Kitchen' }).scrollIntoViewIfNeeded();
  await expect(bar).toBeVisible();
});

test('the stepper says why it stops at 99, and the table links page shows a QR code for each of the outlet tables', async () => {
  const { server, browser } = env();
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, hasTouch: false });
  await blockMapTiles(page);
  await page.goto(`${server.url}/order/demo-outlet`);
  await menuItem(page, 'Masala Dosa').getByRole('button', { name: 'Choose options' }).click();
  const dialog = page.getByRole('dialog', { name: 'Masala Dosa' });
  const more = dialog.getByRole('button', { name: 'One more Masala Dosa' });
  const limit = dialog.getByText('99 is the most per item online; call the restaurant for more.');
  for (let i = 1; i < 98; i++) await more.click();
  await expect(limit).toBeHidden();
  await more.click();
  await expect(more).toBeDisabled();
  await expect(limit).toBeVisible();

  await page.goto(`${server.url}/order/demo-outlet/tables`);
  const codes = page.getByRole('img', { name: /^QR code for table / });
  await expect(codes).toHaveCount(14);
  await expect(page.getByRole('img', { name: 'QR code for table T4' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'QR code for table Patio 2' })).toBeVisible();
  await expect(page.getByRole('link', { name: /\/order\/demo-outlet\?table=T4$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print the QR codes' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('table-links.png'), fullPage: false });
});
