import { expect, test } from '@playwright/test';
import type { OrderId } from '../../shared/ids';
import { login } from '../integration/support/api';
import { appendAs } from '../integration/support/drivers';
import { expectConnected, liveRow, openAdminDesk } from './support/adminPage';
import { freshServerPerTest } from './support/freshServer';
import { placePickupOrderWithLink } from './support/placeOrder';

const env = freshServerPerTest();

test('an admin refunds part of a cash order, once its cash was taken, with a reason, and the timeline and the tracking receipt show it', async () => {
  const { server, browser } = env();
  const { orderId, trackingUrl } = await placePickupOrderWithLink(server.url, 'Ravi Refund');
  const page = await openAdminDesk(browser, server.url);
  await expectConnected(page);
  await liveRow(page, 'Ravi Refund').getByRole('link').click();
  await expect(page.getByRole('heading', { name: /^Order #[\w-]{5} — Ravi Refund$/ })).toBeVisible();
  // Nothing was paid yet: no cash refund is offered until the counter took the cash, handing the order over.
  await expect(page.getByRole('button', { name: 'Refund…' })).toHaveCount(0);
  const outlet = await login(server.url, 'outlet');
  for (const step of [{ type: 'accepted', prepMinutes: 10 }, { type: 'ready' }, { type: 'handed_over' }])
    await appendAs(server.url, outlet, orderId as OrderId, step);

  await page.getByRole('button', { name: 'Refund…' }).click();
  const form = page.getByRole('form', { name: 'Refund in cash' });
  await form.getByLabel('Amount (INR)').fill('1000');
  await form.getByLabel('Reason').fill('Late order');
  await form.getByRole('button', { name: 'Refund', exact: true }).click();
  await expect(form.getByText(/^At most \d+\.\d{2} can still be refunded\.$/)).toBeVisible();
  await form.getByLabel('Amount (INR)').fill('50');
  await form.getByRole('button', { name: 'Refund', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Refunded ₹50.00 (cash).' })).toBeVisible();
  const timeline = page.getByRole('list', { name: 'Events, oldest first' });
  await expect(timeline.getByRole('listitem').filter({ hasText: /Refunded ₹50\.00 \(cash\) by .+: Late order/ })).toBeVisible();

  const tracking = await page.context().newPage();
  await tracking.goto(trackingUrl);
  await expect(tracking.getByRole('region', { name: 'Receipt' })).toContainText('Refunded ₹50.00');
});
