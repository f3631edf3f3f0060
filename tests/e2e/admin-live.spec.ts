import { expect, test } from '@playwright/test';
import { expectConnected, liveRow, openAdminDesk } from './support/adminPage';
import { freshServerPerTest } from './support/freshServer';
import { orderCard, signInAsOutlet } from './support/outletPage';
import { placePickupOrder } from './support/placeOrder';

const env = freshServerPerTest();

test('an order a customer places appears on the admin’s live list within a second, and a rejection raises an alert', async () => {
  const { server, browser } = env();
  const page = await openAdminDesk(browser, server.url);
  await expectConnected(page);

  const placedAt = Date.now();
  await placePickupOrder(server.url, 'Anil Quick');
  await expect(liveRow(page, 'Anil Quick')).toBeVisible({ timeout: 1_000 });
  console.log(`admin saw the order ${Date.now() - placedAt} ms after POST /api/orders was sent`);
  await expect(liveRow(page, 'Anil Quick')).toContainText('New');
  await expect(liveRow(page, 'Anil Quick')).toContainText(/Just placed|Unanswered for/);

  // The outlet rejects it: the admin hears of it in the alert region, in words.
  const tablet = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
  await tablet.goto(`${server.url}/outlet/`);
  await signInAsOutlet(tablet);
  await orderCard(tablet, 'Anil Quick').getByRole('button', { name: 'Reject' }).click();
  await tablet.getByRole('button', { name: 'Reject order' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'New problem' })).toContainText(
    /Rejected: #[\w-]{5} \(Anil Quick, Dabba Demo Kitchen\) was rejected: Kitchen too busy/,
  );
  const problems = page.getByRole('list', { name: /need(s)? attention/ });
  await expect(problems.getByRole('listitem').filter({ hasText: 'Anil Quick' })).toContainText('Rejected');
  await expect(liveRow(page, 'Anil Quick')).toHaveCount(0);
  await page.getByLabel('Status').selectOption({ label: 'Finished today' });
  await expect(liveRow(page, 'Anil Quick')).toContainText('Rejected');

  await problems.getByRole('button', { name: /^Dismiss: .*Anil Quick/ }).click();
  await expect(problems).toHaveCount(0);
});

test('filters, search and the keyboard: j / k move through the orders, Enter opens one, ? lists the shortcuts', async () => {
  const { server, browser } = env();
  await placePickupOrder(server.url, 'Bina First');
  await placePickupOrder(server.url, 'Chetan Second');
  const page = await openAdminDesk(browser, server.url);
  await expectConnected(page);
  await expect(liveRow(page, 'Chetan Second')).toBeVisible();

  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused();
  await page.keyboard.type('chetan');
  // Typing in the search box is never taken for a shortcut.
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);
  await expect(liveRow(page, 'Bina First')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(liveRow(page, 'Bina First')).toBeVisible();

  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await expect(liveRow(page, 'Bina First').getByRole('link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Order #[\w-]{5} — Bina First$/ })).toBeVisible();

  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toContainText('Next / previous order in a list');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.keyboard.press('g');
  await page.keyboard.press('l');
  await expect(page.getByRole('heading', { name: 'Live operations' })).toBeVisible();
});
