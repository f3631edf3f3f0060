import { expect, test } from '@playwright/test';
import { login } from '../integration/support/api';
import { availabilityOf, editOutletDoc } from '../integration/support/outletDoc';
import { withServerAndTablet } from './support/outletDevice';
import { OFFLINE_BANNER, onlineBanner, orderCard } from './support/outletPage';

const CALLER = 'Kiran Caller';

test('staff take a phone order with the server down; it waits on the board and becomes a real order when the server returns', async () => {
  await withServerAndTablet(async (server, device) => {
    let page = await device.open();
    await device.signIn(page);
    await server.stop();
    await expect(page.getByText(OFFLINE_BANNER)).toBeVisible();

    // The caller wants a pickup: two masala dosas with coconut chutney, and a coffee.
    await page.getByRole('link', { name: 'Phone order' }).click();
    // Order types are big chips in the app's colours, still real radios.
    const pickup = page.getByRole('radio', { name: 'Pickup' });
    expect(await pickup.evaluate((el) => getComputedStyle(el).appearance)).toBe('none');
    expect((await page.locator('label', { has: pickup }).boundingBox())?.height).toBeGreaterThanOrEqual(44);
    await pickup.check();
    await expect(page.locator('label', { has: pickup })).toHaveCSS('font-weight', '700');
    await page.getByLabel('Customer name').fill(CALLER);
    await page.getByLabel('Phone number').fill('+91 98450 22222');
    await page.getByRole('button', { name: /^Add Masala Dosa/ }).click();
    await page.getByRole('checkbox', { name: 'Coconut' }).check();
    await page.getByRole('button', { name: 'Add to order' }).click();
    await page.getByRole('button', { name: 'Add one more Masala Dosa' }).click();
    await page.getByRole('button', { name: /^Add Filter Coffee/ }).click();
    await expect(page.getByRole('list', { name: 'Order items' })).toContainText('2 × Masala Dosa — Coconut');
    await expect(page.getByText(/Estimated total ₹290\.00/)).toBeVisible();
    // Kiran is told 20 minutes (the usual 15 and five more): the order arrives accepted with it.
    await expect(page.getByRole('group', { name: 'Ready in' }).getByRole('status')).toHaveText('15 min');
    await page.getByRole('button', { name: 'Ready in: 5 minutes more' }).click();
    await expect(page.getByRole('group', { name: 'Ready in' }).getByRole('status')).toHaveText('20 min');
    await page.getByRole('button', { name: 'Place phone order' }).click();

    // Back on the board it waits, and says so; it survives a browser restart.
    const waiting = page.getByRole('article', { name: `Phone order for ${CALLER}` });
    await expect(waiting).toContainText('Phone order — waiting to be placed');
    await expect(waiting).toContainText('saved on this device');
    await expect(page.getByLabel('Outlet status')).toContainText('1 phone order not placed yet');
    await device.close();
    page = await device.open();
    await expect(page.getByRole('article', { name: `Phone order for ${CALLER}` })).toContainText('waiting to be placed');

    // The server returns: the order is placed, priced by the server, and arrives like any other.
    await server.start();
    await expect(onlineBanner(page)).toBeVisible({ timeout: 45_000 });
    const card = orderCard(page, CALLER);
    await expect(card.getByText(/Status: Accepted/)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('article', { name: `Phone order for ${CALLER}` })).toHaveCount(0);
    await expect(card).toContainText('phone order');
    await expect(card).toContainText('2 × Masala Dosa — Coconut');
    await expect(card).toContainText('Total ₹290.00');
    await expect(card.getByRole('button', { name: 'Accept' })).toHaveCount(0);
  });
});

test('a phone order the server refuses stays on the board with the server’s reason until staff correct it', async () => {
  await withServerAndTablet(async (server, device) => {
    const page = await device.open();
    await device.signIn(page);
    await page.context().setOffline(true);
    await expect(page.getByText(OFFLINE_BANNER)).toBeVisible();

    await page.getByRole('link', { name: 'Phone order' }).click();
    await page.getByLabel('Customer name').fill('Refused Caller');
    await page.getByLabel('Phone number').fill('+91 98450 33333');
    await page.getByRole('button', { name: /^Add Plain Dosa/ }).click();
    await page.getByRole('button', { name: 'Place phone order' }).click();
    const entry = page.getByRole('article', { name: 'Phone order for Refused Caller' });
    await expect(entry).toContainText('waiting to be placed');

    // Meanwhile the dosa ran out, marked on another tablet.
    await editOutletDoc(server.url, await login(server.url, 'outlet'), (doc) =>
      availabilityOf(doc).set('plain-dosa', { available: false, at: Date.now() }),
    );
    await page.context().setOffline(false);
    await expect(entry).toContainText('Phone order — not placed');
    await expect(entry.getByRole('alert')).toContainText('The server refused it: Plain Dosa is not available right now.');

    // Staff offer a coffee instead; the corrected order is placed.
    await entry.getByRole('button', { name: 'Edit phone order' }).click();
    await expect(page.getByRole('alert')).toContainText('Plain Dosa is not available right now.');
    await page.getByRole('button', { name: 'Remove one Plain Dosa' }).click();
    await page.getByRole('button', { name: /^Add Filter Coffee/ }).click();
    await page.getByRole('button', { name: 'Place phone order' }).click();
    // The placed order takes the entry's place on the board.
    await expect(entry).toHaveCount(0);
    await expect(orderCard(page, 'Refused Caller').getByText(/Status: Accepted/)).toBeVisible();
    await expect(orderCard(page, 'Refused Caller')).toContainText('1 × Filter Coffee');
  });
});
