import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { statsResponseSchema } from '../../shared/api/adminStats';
import { expectConnected, signInAsAdmin } from './support/adminPage';
import { loginAs } from './support/deliveryOrder';
import { freshServerPerTest } from './support/freshServer';
import { withSeededHistory } from './support/seedHistory';

const env = freshServerPerTest();
const DAY = 86_400_000;

test('the Numbers charts show the seeded history’s real numbers in their tables, and Export CSV downloads those orders', async () => {
  const { server, browser } = env();
  await withSeededHistory(server, 4, 25);
  // The browser's calendar is UTC, so its days are the server's UTC midnights below.
  const todayStart = Math.floor(Date.now() / DAY) * DAY;
  const from = todayStart - 3 * DAY;
  const to = todayStart + DAY;
  const { token } = await loginAs(server.url, 'admin');
  const answer = await fetch(`${server.url}/api/admin/stats?from=${from}&to=${to}&tz=UTC`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const expected = statsResponseSchema.parse(await answer.json());
  expect(expected.totals.orders).toBeGreaterThan(20);
  const kitchen = expected.byOutlet.find((o) => o.name === 'Dabba Demo Kitchen');

  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    timezoneId: 'UTC',
    reducedMotion: 'reduce',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto(`${server.url}/admin/`);
  await signInAsAdmin(page);
  await expectConnected(page);
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Numbers' }).click();
  await expect(page.getByRole('heading', { name: 'Orders per hour' })).toBeVisible();
  await page.getByLabel('From').fill(new Date(from).toISOString().slice(0, 10));

  const perDay = page.getByRole('table', { name: 'Orders per day' });
  await expect(perDay.getByRole('row')).toHaveCount(expected.series.length + 1);
  const placedPerDay = await perDay.locator('tbody tr td:nth-of-type(1)').allTextContents();
  expect(placedPerDay.map(Number)).toEqual(expected.series.map((p) => p.orders));
  await expect(page.getByRole('figure', { name: 'Orders per day' }).locator('canvas')).toHaveCount(1);

  const outletRow = page.getByRole('table', { name: 'Orders per outlet' }).getByRole('row', { name: /Dabba Demo Kitchen/ });
  await expect(outletRow.getByRole('cell')).toHaveText([
    String(kitchen?.orders),
    String(kitchen?.completed),
    String(kitchen?.late),
    String(kitchen?.rejected),
    String(kitchen?.cancelled),
  ]);
  await expect(page.getByRole('definition').first()).toHaveText(String(expected.totals.orders));

  const figure = page.getByRole('figure', { name: 'Orders per outlet' });
  await figure.getByRole('button', { name: 'Show as table' }).click();
  await expect(figure.getByRole('table')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^dabba-orders-.*\.csv$/);
  const lines = readFileSync(await file.path(), 'utf8')
    .trim()
    .split('\n');
  expect(lines[0]).toMatch(/^order_id,placed_at,/);
  expect(lines.length - 1).toBe(expected.totals.orders);

  await page.getByLabel('From').fill(new Date(todayStart).toISOString().slice(0, 10));
  await page.getByLabel('To', { exact: true }).fill(new Date(from).toISOString().slice(0, 10));
  await expect(page.getByRole('alert').filter({ hasText: 'The last day is before the first.' })).toBeVisible();
});
