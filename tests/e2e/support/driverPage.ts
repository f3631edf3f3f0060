import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

/** The doorstep photo the "camera" takes: a small JPEG. */
export const DOORSTEP_JPEG = fileURLToPath(new URL('../fixtures/doorstep.jpg', import.meta.url));

/** Just north-east of the demo outlet (12.9756, 77.6066): within a block of it. */
export const NEAR_OUTLET = { latitude: 12.976, longitude: 77.607 };

/** Counts the notes the app plays, so a test can hear the offer ring without a speaker. */
export function countTones(): void {
  const w = window as Window & { dabbaTones?: number };
  w.dabbaTones = 0;
  const createOscillator = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function (this: AudioContext) {
    w.dabbaTones = (w.dabbaTones ?? 0) + 1;
    return createOscillator.call(this);
  };
}

export const tones = (page: Page): Promise<number> => page.evaluate(() => (window as Window & { dabbaTones?: number }).dabbaTones ?? 0);

/** Chromium on an Android phone: what drivers carry, so "Navigate" opens the phone's maps app by `geo:`. */
const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36';

/**
 * A driver's phone: a phone-sized Android context whose geolocation is emulated (moved with
 * `context.setGeolocation`) and allowed, signed in to the driver app on its first, online visit.
 */
export async function openDriverPhone(browser: Browser, baseUrl: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    userAgent: ANDROID_CHROME,
    geolocation: NEAR_OUTLET,
    permissions: ['geolocation'],
  });
  await context.addInitScript(countTones);
  // The offer's map preview asks for tiles: no outside network in a test.
  await context.route(/tile\.openstreetmap\.org/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${baseUrl}/driver/`);
  await page.getByLabel('Email').fill('driver@dabba.local');
  await page.getByLabel('Password').fill('dabba-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Online', { exact: true })).toBeVisible();
  // The service worker must serve the app before it can open offline later.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return { context, page };
}

/** Goes on shift and waits until the server has it and a position went out. */
export async function goOnShift(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Go on shift' }).click();
  const shift = page.getByRole('contentinfo', { name: 'Shift' });
  await expect(shift.getByText('On shift', { exact: true })).toBeVisible();
  await expect(shift.getByText(/saved on this phone/)).toHaveCount(0);
  await expect(shift.getByText(/^Location shared/)).toBeVisible();
  await expect(page.getByRole('status', { name: 'Waiting to upload' })).toHaveCount(0);
}

export const offerCard = (page: Page, outletName = 'Dabba Demo Kitchen'): Locator =>
  page.getByRole('region', { name: 'Delivery offers' }).getByRole('article', { name: `New delivery from ${outletName}` });

/** The driver's dot on the tracking page's map. */
export const driverDot = (page: Page): Locator => page.locator('.map-driver');

/**
 * At the counter: waits for the pickup step, ticks every item into the bag, and presses Picked up;
 * `early` when the kitchen has not marked the order ready, so the app asks again and the driver says yes.
 */
export async function pickUpEverything(page: Page, { early }: { readonly early: boolean }): Promise<void> {
  const bag = page.getByRole('group', { name: 'Check the items into the bag' });
  await expect(bag).toBeVisible();
  for (const item of await bag.getByRole('checkbox').all()) await item.check();
  await page.getByRole('button', { name: 'Picked up', exact: true }).click();
  if (early) await page.getByRole('alertdialog').getByRole('button', { name: 'Picked up anyway' }).click();
}
