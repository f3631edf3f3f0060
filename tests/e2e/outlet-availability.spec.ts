import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { withServerAndTablet } from './support/outletDevice';
import { OFFLINE_BANNER, onlineBanner } from './support/outletPage';
import { shownTime } from './support/shownTime';

const availabilityRow = (page: Page, name: string) => page.locator('.avail', { has: page.getByText(name, { exact: true }) });

async function orderPlainDosa(baseUrl: string): Promise<{ status: number; code: string | undefined; message: string | undefined }> {
  const response = await fetch(`${baseUrl}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({
      outletId: 'demo-outlet',
      type: 'pickup',
      items: [{ itemId: 'plain-dosa', qty: 1 }],
      customer: { name: 'Hungry', phone: '+91 98450 00000' },
      payment: { method: 'cash' },
    }),
  });
  const body = (await response.json()) as { error?: { code: string; message: string } };
  return { status: response.status, code: body.error?.code, message: body.error?.message };
}

test('staff mark an item unavailable and pause new orders with the server down; when it returns, the menu and ordering follow', async () => {
  await withServerAndTablet(async (server, device) => {
    let page = await device.open();
    await device.signIn(page);
    await page.getByRole('link', { name: 'Availability' }).click();
    await expect(availabilityRow(page, 'Plain Dosa')).toContainText('Available');

    await server.stop();
    await expect(page.getByText(OFFLINE_BANNER)).toBeVisible();

    // "86" the plain dosa until someone brings it back.
    const menuPanel = page.getByRole('region', { name: 'Menu' });
    await menuPanel.getByRole('radio', { name: 'until I turn it back on' }).check();
    await page.getByRole('button', { name: 'Mark Plain Dosa unavailable' }).click();
    await expect(availabilityRow(page, 'Plain Dosa')).toContainText('Unavailable until turned back on');
    await expect(page.getByRole('button', { name: 'Mark Plain Dosa available' })).toBeVisible();
    // A modifier option, for an hour.
    await menuPanel.getByRole('radio', { name: 'for 1 hour' }).check();
    await page.getByRole('button', { name: 'Mark Ghee roast unavailable' }).click();
    await expect(availabilityRow(page, 'Ghee roast')).toContainText(shownTime('Unavailable until'));

    // Pause new orders for 30 minutes.
    const pause = page.getByRole('region', { name: 'New orders' });
    await pause.getByRole('radio', { name: 'for 30 min' }).check();
    await pause.getByRole('button', { name: 'Pause new orders' }).click();
    await expect(pause.getByRole('status')).toContainText(shownTime('Paused until'));
    await expect(page.getByLabel('Outlet status')).toContainText('New orders paused until');
    await expect(page.getByText('Changes here:').getByText('saved on this device')).toBeVisible();

    // Still there after a reload with no network.
    await page.reload();
    await expect(page.getByText(OFFLINE_BANNER)).toBeVisible();
    await expect(availabilityRow(page, 'Plain Dosa')).toContainText('Unavailable until turned back on');
    await device.close();
    page = await device.open();

    // The server returns: the change syncs, the public menu shows it and new orders are refused.
    await server.start();
    await expect(onlineBanner(page)).toBeVisible({ timeout: 45_000 });
    await page.getByRole('link', { name: 'Availability' }).click();
    await expect(page.getByText('Changes here:').getByText('synced', { exact: true })).toBeVisible({ timeout: 30_000 });
    const menu = (await (await fetch(`${server.url}/api/outlets/demo-outlet/menu`)).json()) as {
      items: { id: string; available: boolean }[];
    };
    expect(menu.items.find((i) => i.id === 'plain-dosa')?.available).toBe(false);
    expect(await orderPlainDosa(server.url)).toMatchObject({ status: 422, code: 'outlet_paused' });

    // Resuming and bringing the dosa back reach the server too.
    await page.getByRole('button', { name: 'Resume new orders' }).click();
    await page.getByRole('button', { name: 'Mark Plain Dosa available' }).click();
    await expect(page.getByText('Changes here:').getByText('synced', { exact: true })).toBeVisible();
    await expect.poll(async () => (await orderPlainDosa(server.url)).status).toBe(201);
  });
});
