import { rmSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { boxOf, overlaps } from './support/boxes';
import { OutletDevice } from './support/outletDevice';
import { orderCard } from './support/outletPage';
import { placePickupOrder, placePickupOrderWithLink } from './support/placeOrder';
import { TestServer } from './support/testServer';

const LONG_NOTE =
  'Please make it less spicy, no onions or garlic at all (allergy), pack the chutney separately, add extra napkins and ' +
  'two spoons, and ring the bell twice because the intercom does not work; the gate code is 4512, leave it with the guard.';

const TABLETS = [
  { name: 'landscape', width: 1180, height: 820 },
  { name: 'portrait', width: 820, height: 1180 },
] as const;

const COLUMNS = ['new', 'accepted', 'preparing', 'ready', 'out'] as const;

async function withServer(scenario: (server: TestServer) => Promise<void>): Promise<void> {
  const server = await TestServer.create();
  try {
    await server.start();
    await scenario(server);
  } catch (error) {
    console.error(`server log:\n${server.log}`);
    throw error;
  } finally {
    await server.stop();
    rmSync(server.dataDir, { recursive: true, force: true });
  }
}

/** A tablet of `size`, signed in, closed and its profile removed afterwards. */
async function withTablet(
  baseUrl: string,
  size: { width: number; height: number },
  use: (page: Page, device: OutletDevice) => Promise<void>,
): Promise<void> {
  const device = new OutletDevice(baseUrl, size);
  try {
    const page = await device.open();
    await device.signIn(page);
    await use(page, device);
  } finally {
    await device.close();
    rmSync(device.profileDir, { recursive: true, force: true });
  }
}

for (const tablet of TABLETS) {
  test(`on a ${tablet.name} tablet (${tablet.width}×${tablet.height}) the first new order's Accept is on screen, a long note folded, and every column reachable`, async () => {
    const testInfo = test.info();
    await withServer(async (server) => {
      await withTablet(server.url, tablet, async (page) => {
        // The order that used to push Accept 350 px further down: a long note.
        await placePickupOrderWithLink(server.url, 'Meera', { notes: LONG_NOTE });
        await placePickupOrder(server.url, 'Ravi');
        const card = orderCard(page, 'Meera');
        await expect(card).toBeVisible();
        await expect(orderCard(page, 'Ravi')).toBeVisible();
        await expect(page.getByRole('region', { name: 'New order alert' })).toHaveAttribute('data-ringing', 'true');

        // Nothing scrolled: Accept of the first (oldest) new order is inside the viewport, below every bar.
        expect(await page.evaluate(() => window.scrollY)).toBe(0);
        const accept = boxOf(card.getByRole('button', { name: 'Accept' }));
        const acceptBox = await accept;
        expect(acceptBox.y).toBeGreaterThanOrEqual(0);
        expect(acceptBox.y + acceptBox.height).toBeLessThanOrEqual(tablet.height);
        expect(acceptBox.x + acceptBox.width).toBeLessThanOrEqual(tablet.width);
        for (const bar of [page.locator('.app-header'), page.getByRole('region', { name: 'New order alert' })]) {
          expect(overlaps(await boxOf(bar), acceptBox), 'a bar covers Accept').toBe(false);
        }

        // The long note is folded to its start, and opens with the keyboard as a native disclosure.
        const note = card.locator('details.order__notes');
        await expect(note).not.toHaveAttribute('open');
        await expect(card.getByText('the gate code is 4512')).toBeHidden();
        await note.locator('summary').focus();
        await page.keyboard.press('Enter');
        await expect(card.getByText(/the gate code is 4512/)).toBeVisible();
        await page.keyboard.press('Enter');
        await expect(note).not.toHaveAttribute('open');
        await testInfo.attach(`board-${tablet.name}`, { body: await page.screenshot(), contentType: 'image/png' });
        await page.screenshot({ path: testInfo.outputPath(`board-${tablet.name}.png`) });

        // Every column is on screen, or the strip scrolls to it from its tab.
        const strip = page.locator('.board__columns');
        const fits = await strip.evaluate((el) => el.scrollWidth <= el.clientWidth);
        for (const column of COLUMNS) {
          const region = page.locator(`.board__columns [data-column="${column}"]`);
          if (!fits) {
            const title = (await region.locator('h2').innerText()).replace(/\s*\d+$/, '');
            await page.getByRole('navigation', { name: 'Board columns' }).getByRole('button', { name: title }).click();
          }
          await expect
            .poll(
              async () => {
                const box = await boxOf(region);
                return box.x >= -1 && box.x + Math.min(box.width, 200) <= tablet.width + 1;
              },
              { message: `column ${column} reachable` },
            )
            .toBe(true);
        }
        if (!fits) await page.screenshot({ path: testInfo.outputPath(`board-${tablet.name}-scrolled.png`) });
        if (tablet.name === 'landscape') expect(fits, 'all five columns fit a landscape tablet').toBe(true);
        else await expect(page.getByRole('navigation', { name: 'Board columns' })).toBeVisible();
      });
    });
  });
}

test('acknowledging on one tablet quiets every tablet of the outlet, through a reload; the banner names every waiting order', async () => {
  await withServer(async (server) => {
    await withTablet(server.url, TABLETS[0], async (front) => {
      await withTablet(server.url, TABLETS[1], async (back) => {
        const first = await placePickupOrder(server.url, 'Meera');
        const second = await placePickupOrder(server.url, 'Ravi');
        const numbers = [first, second].map((id) => `#${id.slice(0, 5)}`);
        for (const page of [front, back]) {
          const alert = page.getByRole('region', { name: 'New order alert' });
          await expect(alert).toHaveAttribute('data-ringing', 'true');
          await expect(alert.getByRole('status')).toContainText(`2 new orders: ${numbers.join(', ')}`);
        }

        await front.getByRole('button', { name: 'Acknowledge' }).click();
        await expect(front.getByRole('region', { name: 'New order alert' })).toHaveAttribute('data-ringing', 'false');
        await expect(back.getByRole('region', { name: 'New order alert' })).toHaveAttribute('data-ringing', 'false');

        for (const page of [front, back]) {
          await page.reload();
          await expect(orderCard(page, 'Ravi')).toBeVisible();
          await expect(page.getByRole('region', { name: 'New order alert' })).toHaveAttribute('data-ringing', 'false');
        }
        // Still new: acknowledging answers the ring, not the customer.
        await expect(orderCard(back, 'Meera').getByRole('button', { name: 'Accept' })).toBeVisible();

        // A later order rings again, and names only itself.
        const third = await placePickupOrder(server.url, 'Asha');
        await expect(back.getByRole('region', { name: 'New order alert' }).getByRole('status')).toContainText(
          `New order #${third.slice(0, 5)} from Asha`,
        );
      });
    });
  });
});
