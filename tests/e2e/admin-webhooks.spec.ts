import { expect, test, type Page } from '@playwright/test';
import { WebhookReceiver } from '../integration/support/webhookReceiver';
import { expectConnected, openAdminDesk } from './support/adminPage';
import { freshServerPerTest } from './support/freshServer';
import { placePickupOrder } from './support/placeOrder';

// Loopback receivers allowed; two attempts with short waits, so a dead letter comes within a second.
const env = freshServerPerTest({
  DABBA_WEBHOOKS_ALLOW_PRIVATE: '1',
  DABBA_WEBHOOK_POLL_MS: '100',
  DABBA_WEBHOOK_MAX_ATTEMPTS: '2',
  DABBA_WEBHOOK_RETRY_BASE_MS: '50',
  DABBA_WEBHOOK_RETRY_MAX_MS: '100',
});

let receiver: WebhookReceiver;
test.beforeEach(async () => {
  receiver = await WebhookReceiver.start();
});
test.afterEach(async () => {
  await receiver.close();
});

const deliveryRow = (page: Page, orderId: string) =>
  page.getByRole('table', { name: 'Deliveries' }).getByRole('row', { name: `order.placed of order ${orderId}` });

test('an admin registers a webhook, copies its secret, sees deliveries land, replays a dead one, rotates the secret and deletes it', async () => {
  const { server, browser } = env();
  const page = await openAdminDesk(browser, server.url);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await expectConnected(page);
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Webhooks' }).click();

  const form = page.getByRole('form', { name: 'Register a webhook' });
  await form.getByLabel('URL').fill(receiver.url);
  await form.getByRole('checkbox', { name: 'Every event (*)' }).uncheck();
  await form.getByRole('checkbox', { name: 'order.placed' }).check();
  await form.getByRole('button', { name: 'Register webhook' }).click();
  const shown = page.getByRole('region', { name: 'The new webhook’s secret' });
  const secret = await shown.getByLabel('Secret').inputValue();
  expect(secret).toMatch(/^whsec_/);
  receiver.secret = secret;
  await shown.getByRole('button', { name: 'Copy secret' }).click();
  await expect(shown.getByRole('status')).toHaveText('Copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await shown.getByRole('button', { name: 'Done' }).click();
  await expect(shown).toHaveCount(0);
  const card = page.getByRole('list', { name: 'Webhooks' }).getByRole('listitem', { name: receiver.url });
  await expect(card).toContainText('Events: order.placed');

  const delivered = await placePickupOrder(server.url, 'Hema Hook');
  await card.getByRole('link', { name: `Deliveries to ${receiver.url}` }).click();
  await expect(page.getByRole('heading', { name: `Deliveries to ${receiver.url}` })).toBeVisible();
  await expect(deliveryRow(page, delivered)).toContainText('Delivered');
  expect(receiver.received.map((r) => [r.event.orderId, r.signatureValid])).toEqual([[delivered, true]]);

  receiver.mode = 'failing';
  const dead = await placePickupOrder(server.url, 'Dev Dead');
  await expect(deliveryRow(page, dead)).toContainText('Dead (gave up)');
  await expect(deliveryRow(page, dead)).toContainText('HTTP 500');
  await page.getByRole('link', { name: 'All webhooks' }).click();
  await expect(card).toContainText('0 retrying after a failure · 1 dead');
  await card.getByRole('link', { name: `Deliveries to ${receiver.url}` }).click();
  receiver.mode = 'up';
  await deliveryRow(page, dead)
    .getByRole('button', { name: `Replay order.placed of order ${dead}` })
    .click();
  await expect(deliveryRow(page, dead)).toContainText('Delivered');
  expect(receiver.received.at(-1)?.event.orderId).toBe(dead);

  await page.getByRole('link', { name: 'All webhooks' }).click();
  await card.getByRole('button', { name: `Rotate the secret of ${receiver.url}` }).click();
  const rotated = page.getByRole('region', { name: `The new secret of ${receiver.url}` });
  await expect(rotated.getByLabel('Secret')).toHaveValue(/^whsec_/);
  expect(await rotated.getByLabel('Secret').inputValue()).not.toBe(secret);
  await rotated.getByRole('button', { name: 'Done' }).click();
  await expect(card).toContainText('the previous secret also signs until');

  // A phone's width: the screen's controls stay on it, nothing runs off the side.
  await page.setViewportSize({ width: 390, height: 844 });
  const remove = card.getByRole('button', { name: `Delete ${receiver.url}…` });
  await remove.scrollIntoViewIfNeeded();
  await expect(remove).toBeInViewport();
  const overflow = await page.locator('section.webhooks').evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await remove.click();
  await card
    .getByRole('group', { name: `Delete ${receiver.url}?` })
    .getByRole('button', { name: 'Delete webhook' })
    .click();
  await expect(page.getByText('No webhooks yet.')).toBeVisible();
});
