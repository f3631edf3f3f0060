import { expect, type Page } from '@playwright/test';
import type { PushBrowser } from './pushBrowser';

/**
 * Someone taps "Turn on notifications" and allows them: the Firebase SDK subscribes through Chromium's
 * own push stack and the app registers the token with the server. Answers the FCM registration made.
 */
export async function turnOnNotifications(browser: PushBrowser, page: Page, baseUrl: string) {
  await browser.allowNotifications(baseUrl);
  const registered = page.waitForResponse((r) => r.url() === `${baseUrl}/api/devices` && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Turn on notifications' }).click();
  expect((await registered).status()).toBe(201);
  await expect(page.getByRole('status').filter({ hasText: 'Notifications on' })).toBeVisible();
  const [registration] = browser.firebase.registrations;
  if (!registration) throw new Error('the SDK registered no push subscription with FCM');
  return registration;
}
