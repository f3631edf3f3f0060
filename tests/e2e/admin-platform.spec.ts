import { expect, test, type BrowserContext, type Page, type WebSocketRoute } from '@playwright/test';
import { decodeMux, MuxType } from '../../shared/protocol/muxMessages';
import { expectConnected, openAdminDesk } from './support/adminPage';
import { freshServerPerTest } from './support/freshServer';
import { onlineBanner, signInAsOutlet } from './support/outletPage';

const env = freshServerPerTest();

/** An outlet tablet signed in and online in `tabletContext`, and an admin's desk on Platform health beside it. */
async function tabletAndPlatform(tabletContext: BrowserContext): Promise<{ tablet: Page; page: Page }> {
  const { server, browser } = env();
  const tablet = await tabletContext.newPage();
  await tablet.goto(`${server.url}/outlet/`);
  await signInAsOutlet(tablet);
  await expect(onlineBanner(tablet)).toBeVisible();

  const page = await openAdminDesk(browser, server.url);
  await expectConnected(page);
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Platform health' }).click();
  return { tablet, page };
}

test('Platform health counts the connected apps by role, lists each device, and says when its reading is stale offline', async () => {
  const { browser } = env();
  const { page } = await tabletAndPlatform(await browser.newContext({ viewport: { width: 1024, height: 768 } }));
  const byRole = page.getByRole('table', { name: 'Connected devices by role and app' });
  await expect(byRole.getByRole('row').filter({ hasText: 'Outlet staff' })).toContainText(/outlet\s*1/);
  await expect(byRole.getByRole('row').filter({ hasText: 'Admin' })).toContainText(/admin\s*1/);
  await expect(
    page.getByRole('table', { name: 'Devices connected now' }).getByRole('row').filter({ hasText: 'Dabba Demo Kitchen' }),
  ).toHaveCount(1);
  await expect(page.getByText('Presence: ok')).toBeVisible();
  await expect(page.getByRole('term').filter({ hasText: 'Dispatch queue' })).toBeVisible();
  // A second reading gives the rates over the last few seconds.
  await expect(page.getByText(/\d+ in the last \d+ s/).first()).toBeVisible();

  await page.context().setOffline(true);
  await expect(page.getByText(/^Stale: the last reading is from/)).toBeVisible({ timeout: 30_000 });
});

test('Platform health shows an outlet tablet’s change the link does not carry, until it syncs, and what may wait once the tablet is gone', async () => {
  const { browser } = env();
  const tabletContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  // A link that carries everything but the tablet's changes, until it is mended and the socket dropped.
  let carriesChanges = false;
  const links: WebSocketRoute[] = [];
  await tabletContext.routeWebSocket(/\/sync\?/, (ws) => {
    links.push(ws);
    const toServer = ws.connectToServer();
    ws.onMessage((message) => {
      if (!carriesChanges && typeof message !== 'string' && decodeMux(new Uint8Array(message)).type === MuxType.UPDATE) return;
      toServer.send(message);
    });
  });
  const { tablet, page } = await tabletAndPlatform(tabletContext);
  const kitchen = page
    .getByRole('table', { name: 'Unsynced changes by outlet' })
    .getByRole('row')
    .filter({ hasText: 'Dabba Demo Kitchen' });
  await expect(kitchen).toContainText('1 connected');
  await expect(kitchen).toContainText('Reported: none');
  await expect(kitchen).toContainText('At most: nothing waiting');

  await tablet.getByRole('link', { name: 'Availability' }).click();
  await tablet.getByRole('region', { name: 'Menu' }).getByRole('radio', { name: 'until I turn it back on' }).check();
  await tablet.getByRole('button', { name: 'Mark Plain Dosa unavailable' }).click();
  await expect(tablet.getByText('Changes here:').getByText('saved on this device')).toBeVisible();
  // Connected all along, the tablet reports the change once it has waited a few seconds.
  await expect(kitchen).toContainText(/Reported: Made .+, waiting \d+ s, on device \S+ — reported /, { timeout: 30_000 });
  await expect(kitchen).toContainText(/At most: \d+ s — the oldest reported/);

  carriesChanges = true;
  await links.at(-1)?.close();
  await expect(tablet.getByText('Changes here:').getByText('synced')).toBeVisible({ timeout: 30_000 });
  await expect(kitchen).toContainText('Reported: none', { timeout: 30_000 });
  await expect(kitchen).toContainText('At most: nothing waiting');

  // The tablet is switched off: what it changes from now on is out of sight, so only a bound can be given.
  await tabletContext.close();
  await expect(kitchen).toContainText(/None connected since .+ \(\d+ s\)/, { timeout: 30_000 });
  await expect(kitchen).toContainText(
    /At most: \d+ (s|min) — changes made on device \S+ since about .+, when it was last connected, may be waiting/,
  );
});
