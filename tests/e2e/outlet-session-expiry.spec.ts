import { rmSync } from 'node:fs';
import { chromium, expect, test } from '@playwright/test';
import { chromiumLaunchOptions } from './support/chromium';
import { OFFLINE_BANNER, onlineBanner, orderCard, signInAsOutlet } from './support/outletPage';
import { placePickupOrder } from './support/placeOrder';
import { TestServer } from './support/testServer';

const CUSTOMER = 'Bina Expired';
const secret = (c: string): string => c.repeat(40);

test('a device whose sign-in the server no longer accepts goes back to sign-in and keeps its offline change until it syncs', async () => {
  const server = await TestServer.create();
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    await server.start({ JWT_SECRET: secret('a') });
    await placePickupOrder(server.url, CUSTOMER);
    const page = await browser.newPage();
    await page.goto(`${server.url}/outlet/`);
    await signInAsOutlet(page);
    await expect(orderCard(page, CUSTOMER)).toBeVisible();

    await server.stop();
    await expect(page.getByText(OFFLINE_BANNER)).toBeVisible();
    await orderCard(page, CUSTOMER).getByRole('button', { name: 'Accept' }).click();
    await expect(orderCard(page, CUSTOMER).getByText('saved on this device')).toBeVisible();

    // A new signing secret: the token the device holds is no longer valid.
    await server.start({ JWT_SECRET: secret('b') });
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible({ timeout: 45_000 });
    await expect(page.getByText('Your sign-in has expired')).toBeVisible();

    await signInAsOutlet(page);
    await expect(onlineBanner(page)).toBeVisible();
    await expect(orderCard(page, CUSTOMER).getByText(/Status: accepted/i)).toBeVisible();
    await expect(orderCard(page, CUSTOMER).getByText('synced', { exact: true })).toBeVisible();
  } catch (error) {
    console.error(`server log:\n${server.log}`);
    throw error;
  } finally {
    await browser.close();
    await server.stop();
    rmSync(server.dataDir, { recursive: true, force: true });
  }
});
