import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from './support/chromium';
import { OFFLINE_BANNER as OFFLINE, onlineBanner, orderCard as cardOf, signInAsOutlet } from './support/outletPage';
import { placePickupOrder } from './support/placeOrder';
import { TestServer } from './support/testServer';

const CUSTOMER = 'Asha Offline';
const orderCard = (page: Page) => cardOf(page, CUSTOMER);

/** The same device across browser restarts: one Chromium profile directory. */
const launchDevice = (profileDir: string): Promise<BrowserContext> =>
  chromium.launchPersistentContext(profileDir, { ...chromiumLaunchOptions, headless: true });

test('an outlet accepts an order with the server down, keeps it across a restart, and syncs it when the server returns', async () => {
  const server = await TestServer.create();
  const profileDir = mkdtempSync(path.join(tmpdir(), 'dabba-e2e-profile-'));
  const contexts: BrowserContext[] = [];
  try {
    await server.start();
    await placePickupOrder(server.url, CUSTOMER);

    // Online first visit: sign in, see the order, and let the service worker take the page.
    let device = await launchDevice(profileDir);
    contexts.push(device);
    let page = device.pages()[0] ?? (await device.newPage());
    await page.goto(`${server.url}/outlet/`);
    await signInAsOutlet(page);
    await expect(onlineBanner(page)).toBeVisible();
    await expect(orderCard(page).getByText(/Status: new/i)).toBeVisible();
    await expect(orderCard(page).getByText('synced', { exact: true })).toBeVisible();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    // The server goes away; the app still loads from the service worker with the order.
    await server.stop();
    await page.reload();
    await expect(page.getByText(OFFLINE)).toBeVisible();
    await expect(orderCard(page)).toBeVisible();

    // Accepting offline is saved on the device.
    await orderCard(page).getByRole('button', { name: 'Accept' }).click();
    await expect(orderCard(page).getByText(/Status: accepted/i)).toBeVisible();
    await expect(orderCard(page).getByText('saved on this device')).toBeVisible();

    // Closing and relaunching the browser keeps the accepted order and its unsynced state.
    await device.close();
    device = await launchDevice(profileDir);
    contexts.push(device);
    page = device.pages()[0] ?? (await device.newPage());
    await page.goto(`${server.url}/outlet/`);
    await expect(page.getByText(OFFLINE)).toBeVisible();
    await expect(orderCard(page).getByText(/Status: accepted/i)).toBeVisible();
    await expect(orderCard(page).getByText('saved on this device')).toBeVisible();

    // The server returns: the device delivers the change and the badge turns to synced.
    await server.start();
    await expect(onlineBanner(page)).toBeVisible({ timeout: 45_000 });
    await expect(orderCard(page).getByText('synced', { exact: true })).toBeVisible({ timeout: 30_000 });

    // Another device signing in fresh sees the order as accepted: the server has it.
    const browser = await chromium.launch(chromiumLaunchOptions);
    try {
      const other = await browser.newPage();
      await other.goto(`${server.url}/outlet/`);
      await signInAsOutlet(other);
      await expect(orderCard(other).getByText(/Status: accepted/i)).toBeVisible();
    } finally {
      await browser.close();
    }
  } catch (error) {
    console.error(`server log:\n${server.log}`);
    throw error;
  } finally {
    for (const context of contexts) await context.close().catch(() => undefined);
    await server.stop();
    rmSync(profileDir, { recursive: true, force: true });
    rmSync(server.dataDir, { recursive: true, force: true });
  }
});
