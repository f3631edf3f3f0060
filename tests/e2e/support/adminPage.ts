import { expect, type Browser, type Locator, type Page } from '@playwright/test';

/** An admin's desktop: a wide window signed in to the admin app on its first, online visit. */
export async function openAdminDesk(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/admin/`);
  await signInAsAdmin(page);
  return page;
}

export async function signInAsAdmin(page: Page, email = 'admin@dabba.local'): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('dabba-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signed in and connected, with the service worker serving the app (it must open offline later). */
export async function expectConnected(page: Page): Promise<void> {
  await expect(page.getByText('Online', { exact: true })).toBeVisible();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** An order's row in the live operations table, found by the customer's name. */
export const liveRow = (page: Page, customer: string): Locator =>
  page.getByRole('table', { name: 'Orders under way' }).getByRole('row').filter({ hasText: customer });
