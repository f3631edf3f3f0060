import type { Browser, Locator, Page } from '@playwright/test';

export const OFFLINE_BANNER = 'Offline — changes are saved on this device';

export async function signInAsOutlet(page: Page): Promise<void> {
  await page.getByLabel('Email').fill('outlet@dabba.local');
  await page.getByLabel('Password').fill('dabba-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** An order on the board, found the way a person would: by the customer's name. */
export const orderCard = (page: Page, customer: string): Locator => page.getByRole('article', { name: customer });

export const onlineBanner = (page: Page): Locator => page.getByText('Online', { exact: true });

/** A landscape outlet tablet (1180×820), signed in, showing the board. */
export async function openOutletTablet(browser: Browser, baseUrl: string): Promise<Page> {
  const tablet = await (await browser.newContext({ viewport: { width: 1180, height: 820 } })).newPage();
  await tablet.goto(`${baseUrl}/outlet/`);
  await signInAsOutlet(tablet);
  return tablet;
}
