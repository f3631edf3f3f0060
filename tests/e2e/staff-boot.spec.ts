import { expect, test, type Route } from '@playwright/test';
import { RELOAD, STORAGE_UNAVAILABLE } from '../../client/common/ui/bootScreen';
import { freshServerPerTest } from './support/freshServer';

const env = freshServerPerTest();

const APPS = [
  { path: '/outlet/', name: 'Dabba Outlet', opening: 'Opening this tablet’s orders…', signIn: 'Dabba Outlet — sign in' },
  { path: '/driver/', name: 'Dabba Driver', opening: 'Opening this phone’s deliveries…', signIn: 'Dabba Driver — sign in' },
  { path: '/admin/', name: 'Dabba Admin', opening: 'Opening the dashboard…', signIn: 'Dabba Admin — sign in' },
] as const;

test('each staff app shows its name and that it is opening before its scripts have run, then gives way to the app', async () => {
  const { server, browser } = env();
  for (const app of APPS) {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    // A slow link: no script arrives until let through.
    const held: Route[] = [];
    let holding = true;
    await page.route('**/*.js', (route) => {
      if (holding) held.push(route);
      else void route.continue();
    });
    await page.goto(`${server.url}${app.path}`, { waitUntil: 'commit' });

    const boot = page.getByRole('main');
    await expect(boot.getByRole('heading', { level: 1, name: app.name, exact: true })).toBeVisible();
    await expect(boot.getByRole('status')).toHaveText(app.opening);
    await expect(boot).toHaveAttribute('aria-busy', 'true');
    expect(held.length).toBeGreaterThan(0);

    holding = false;
    for (const route of held.splice(0)) await route.continue();
    await expect(page.getByRole('heading', { level: 1, name: app.signIn })).toBeVisible();
    await expect(page.getByText(app.opening)).toHaveCount(0);
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    await expect(page.getByRole('main')).toHaveCount(1);
    await page.context().close();
  }
});

test('a staff app whose browser will not open its storage says so and how to go on, instead of opening for good', async () => {
  const { server, browser } = env();
  for (const app of APPS) {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    // As some private windows do: IndexedDB is there, and refuses every database.
    await page.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('The user denied permission to access the database.', 'InvalidStateError');
      };
    });
    await page.goto(`${server.url}${app.path}`);

    await expect(page.getByRole('alert')).toHaveText(STORAGE_UNAVAILABLE);
    await expect(page.getByRole('heading', { level: 1, name: app.name, exact: true })).toBeVisible();
    await expect(page.getByText(app.opening)).toHaveCount(0);
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    // Installed, the app has no browser bar: it offers the reload itself, which tries again.
    const loads = page.waitForEvent('load');
    await page.getByRole('button', { name: RELOAD }).click();
    await loads;
    await expect(page.getByRole('alert')).toHaveText(STORAGE_UNAVAILABLE);
    await page.context().close();
  }
});
