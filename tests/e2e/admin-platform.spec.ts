import { expect, test } from '@playwright/test';
import { expectConnected, openAdminDesk } from './support/adminPage';
import { freshServerPerTest } from './support/freshServer';
import { onlineBanner, signInAsOutlet } from './support/outletPage';

const env = freshServerPerTest();

test('Platform health counts the connected apps by role, lists each device, and says when its reading is stale offline', async () => {
  const { server, browser } = env();
  const tablet = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
  await tablet.goto(`${server.url}/outlet/`);
  await signInAsOutlet(tablet);
  await expect(onlineBanner(tablet)).toBeVisible();

  const page = await openAdminDesk(browser, server.url);
  await expectConnected(page);
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Platform health' }).click();
  const byRole = page.getByRole('table', { name: 'Connected devices by role and app' });
  await expect(byRole.getByRole('row').filter({ hasText: 'Outlet staff' })).toContainText(/outlet\s*1/);
  await expect(byRole.getByRole('row').filter({ hasText: 'Admin' })).toContainText(/admin\s*1/);
  await expect(
    page.getByRole('table', { name: 'Devices connected now' }).getByRole('row').filter({ hasText: 'Dabba Demo Kitchen' }),
  ).toHaveCount(1);
  await expect(page.getByText('Presence: ok')).toBeVisible();
  await expect(page.getByRole('term').filter({ hasText: 'Dispatch queue' })).toBeVisible();
  // A second reading gives the rates over the last few seconds.
  await expect(page.getByText(/\d+ in the last \d+ s/).first()).toBeVisible();

  await page.context().setOffline(true);
  await expect(page.getByText(/^Stale: the last reading is from/)).toBeVisible({ timeout: 30_000 });
});
