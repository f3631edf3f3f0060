import { chromium, expect, test, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from './support/chromium';
import { withServerAndTablet } from './support/outletDevice';
import { OFFLINE_BANNER, onlineBanner, orderCard, signInAsOutlet } from './support/outletPage';
import { placePickupOrderWithLink } from './support/placeOrder';
import { shownTime } from './support/shownTime';

const CUSTOMER = 'Meera';

/** Counts the tones the app plays and the print dialogs it opens, without a speaker or a printer. */
function instrument(): void {
  const w = window as Window & { dabbaTones?: number; dabbaPrints?: number };
  w.dabbaTones = 0;
  w.dabbaPrints = 0;
  const createOscillator = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function (this: AudioContext) {
    w.dabbaTones = (w.dabbaTones ?? 0) + 1;
    return createOscillator.call(this);
  };
  window.print = () => {
    w.dabbaPrints = (w.dabbaPrints ?? 0) + 1;
  };
}

const counter = (page: Page, name: 'dabbaTones' | 'dabbaPrints'): Promise<number> =>
  page.evaluate((key) => (window as unknown as Record<string, number>)[key] ?? 0, name);

const alert = (page: Page) => page.getByRole('region', { name: 'New order alert' });

test('a new order rings and shows at once; staff accept, then with the server down prepare, ready and print it, through a reload and a browser restart, and it all syncs', async () => {
  await withServerAndTablet(async (server, device) => {
    let page = await device.open(instrument);
    await device.signIn(page);
    await expect(alert(page)).toHaveAttribute('data-ringing', 'false');

    // A customer orders: within a second the tablet shows it and rings until someone answers.
    const { trackingUrl } = await placePickupOrderWithLink(server.url, CUSTOMER);
    const placedAt = Date.now();
    await expect(orderCard(page, CUSTOMER)).toBeVisible({ timeout: 1_000 });
    expect(Date.now() - placedAt).toBeLessThan(1_000);
    await expect(alert(page)).toHaveAttribute('data-ringing', 'true');
    await expect(alert(page).getByRole('status')).toHaveText(/^New order #[3-9A-Z]{5} from Meera$/);
    await expect(page.getByRole('region', { name: 'New' }).getByRole('article', { name: CUSTOMER })).toBeVisible();
    // The tone repeats while the order waits (two notes per ring).
    await expect.poll(() => counter(page, 'dabbaTones'), { timeout: 10_000 }).toBeGreaterThanOrEqual(4);

    // Accepting with 15 minutes answers the ring and promises a time.
    const card = orderCard(page, CUSTOMER);
    await card.getByLabel('Prep time').selectOption('15');
    await card.getByRole('button', { name: 'Accept' }).click();
    await expect(card.getByText(/Status: Accepted · ready by/)).toBeVisible();
    await expect(card.getByText(/Due .* · in 1[45] min/)).toBeVisible();
    await expect(alert(page)).toHaveAttribute('data-ringing', 'false');
    await expect(page.getByRole('region', { name: 'Accepted' }).getByRole('article', { name: CUSTOMER })).toBeVisible();
    await expect(card.getByText('synced', { exact: true })).toBeVisible();

    // The dosa ran out: 86 it from the card, confirm, and the Undo is right there.
    await card.getByRole('button', { name: '86 an item' }).click();
    const eightySix = card.getByRole('region', { name: 'Mark an item unavailable' });
    await eightySix.getByRole('button', { name: '86 Plain Dosa' }).click();
    await eightySix.getByRole('button', { name: 'Mark Plain Dosa unavailable' }).click();
    await expect(eightySix.getByRole('status')).toHaveText('Plain Dosa is unavailable for new orders.');
    await eightySix.getByRole('button', { name: 'Undo' }).click();
    await expect(eightySix.getByRole('button', { name: '86 Plain Dosa' })).toBeVisible();
    await eightySix.getByRole('button', { name: '86 Plain Dosa' }).click();
    await eightySix.getByRole('button', { name: 'Mark Plain Dosa unavailable' }).click();
    await eightySix.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('link', { name: 'Availability' }).click();
    await expect(page.getByText('Unavailable until turned back on')).toBeVisible();
    await page.getByRole('link', { name: 'Orders' }).click();
    await card.getByRole('button', { name: '86 an item' }).click();
    await eightySix.getByRole('button', { name: 'Make Plain Dosa available again' }).click();
    await expect(eightySix.getByRole('button', { name: '86 Plain Dosa' })).toBeVisible();
    await card.getByRole('button', { name: '86 an item' }).click();

    // The network goes: the kitchen keeps working on the order it has.
    await server.stop();
    await expect(page.getByText(OFFLINE_BANNER)).toBeVisible();
    await card.getByRole('button', { name: 'Mark preparing' }).click();
    await expect(card.getByText(/Status: Preparing/)).toBeVisible();
    await expect(card.getByText('saved on this device')).toBeVisible();
    await card.getByRole('button', { name: 'Mark ready' }).click();
    await expect(card.getByText(/Status: Ready/)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Ready' }).getByRole('article', { name: CUSTOMER })).toBeVisible();

    // Printing needs no network: the ticket is laid out for an 80 mm roll, and only the ticket prints.
    await card.getByRole('button', { name: 'Print ticket' }).click();
    await expect.poll(() => counter(page, 'dabbaPrints')).toBe(1);
    await expect(card.getByRole('button', { name: 'Reprint' })).toBeVisible();
    const ticket = page.getByRole('article', { name: `Kitchen ticket for ${CUSTOMER}` });
    await expect(ticket).toBeHidden();
    await page.emulateMedia({ media: 'print' });
    await expect(ticket).toBeVisible();
    await expect(ticket).toContainText('PICKUP');
    await expect(ticket).toContainText('2 × Plain Dosa');
    await expect(ticket).toContainText(shownTime('Ready by'));
    await expect(page.getByRole('article', { name: CUSTOMER, exact: true })).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Screens' })).toBeHidden();
    const width = await ticket.evaluate((el) => el.parentElement?.getBoundingClientRect().width ?? 0);
    expect(width).toBeCloseTo((80 / 25.4) * 96, 0);
    // What the browser hands the printer: pages 80 mm wide (PDF points, 72 to the inch).
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const [, pageWidth] = /\/MediaBox \[0 0 ([\d.]+) [\d.]+\]/.exec(pdf) ?? [];
    expect((Number(pageWidth) / 72) * 25.4).toBeCloseTo(80, 0);
    await page.emulateMedia({ media: 'screen' });

    // A reload with no server: the app, the order and its unsynced state all come from the device.
    await page.reload();
    await expect(page.getByText(OFFLINE_BANNER)).toBeVisible();
    await expect(orderCard(page, CUSTOMER).getByText(/Status: Ready/)).toBeVisible();
    await expect(orderCard(page, CUSTOMER).getByText('saved on this device')).toBeVisible();
    await expect(orderCard(page, CUSTOMER).getByRole('button', { name: 'Reprint' })).toBeVisible();

    // So does closing the browser and opening it again.
    await device.close();
    page = await device.open(instrument);
    await expect(page.getByText(OFFLINE_BANNER)).toBeVisible();
    await expect(orderCard(page, CUSTOMER).getByText(/Status: Ready/)).toBeVisible();
    await expect(orderCard(page, CUSTOMER).getByText('saved on this device')).toBeVisible();

    // The server returns: everything done offline reaches it.
    await server.start();
    await expect(onlineBanner(page)).toBeVisible({ timeout: 45_000 });
    await expect(orderCard(page, CUSTOMER).getByText('synced', { exact: true })).toBeVisible({ timeout: 30_000 });

    // History opens the whole order: its items and every step, on the outlet's clock.
    await page.getByRole('link', { name: 'History' }).click();
    await page.getByRole('button', { name: new RegExp(`^Open order #[3-9A-Z]{5} for ${CUSTOMER}$`) }).click();
    const detail = page.getByRole('region', { name: new RegExp(`^Order #[3-9A-Z]{5} — ${CUSTOMER}$`) });
    await expect(detail.getByRole('list', { name: 'Items' })).toContainText('2 × Plain Dosa');
    await expect(detail.getByRole('listitem').filter({ hasText: 'Accepted, ready in 15 min' })).toContainText(/\d{1,2}:\d{2} [ap]m/);
    await expect(detail.getByRole('listitem').filter({ hasText: /Ready$/ })).toHaveCount(1);
    await detail.getByRole('button', { name: 'Back to history' }).click();
    await page.getByRole('link', { name: 'Orders' }).click();

    const browser = await chromium.launch(chromiumLaunchOptions);
    try {
      const other = await browser.newPage();
      await other.goto(`${server.url}/outlet/`);
      await signInAsOutlet(other);
      await expect(orderCard(other, CUSTOMER).getByText(/Status: Ready/)).toBeVisible();
      // The customer's tracking link shows what the kitchen did offline.
      const customer = await browser.newPage();
      await customer.goto(trackingUrl);
      await expect(customer.getByRole('heading', { level: 1 })).toHaveText('Ready for pickup', { timeout: 10_000 });
      const view = (await (await fetch(`${server.url}/api/track/${trackingUrl.split('/track/')[1] ?? ''}`)).json()) as {
        status: string;
        timeline: { type: string }[];
      };
      expect(view.status).toBe('ready');
      expect(view.timeline.map((t) => t.type)).toEqual(['placed', 'accepted', 'preparing', 'ready']);
    } finally {
      await browser.close();
    }
  });
});
