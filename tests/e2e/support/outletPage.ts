import type { Locator, Page } from '@playwright/test';

export const OFFLINE_BANNER = 'Offline — changes are saved on this device';

export async function signInAsOutlet(page: Page): Promise<void> {
  await page.getByLabel('Email').fill('outlet@dabba.local');
  await page.getByLabel('Password').fill('dabba-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** An order on the board, found the way a person would: by the customer's name. */
export const orderCard = (page: Page, customer: string): Locator => page.getByRole('article', { name: customer });

export const onlineBanner = (page: Page): Locator => page.getByText('Online', { exact: true });
