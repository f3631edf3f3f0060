import { expect, test } from '@playwright/test';
import { expectConnected, signInAsAdmin } from './support/adminPage';
import { freshServerPerTest } from './support/freshServer';

const env = freshServerPerTest();

test('each app signs in its own accounts; anyone else is told which app is theirs and is not signed in', async () => {
  const { server, browser } = env();
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.goto(`${server.url}/admin/`);
  await expect(page.getByRole('heading', { name: 'Dabba Admin — sign in' })).toBeVisible();

  await signInAsAdmin(page, 'outlet@dabba.local');
  await expect(page.getByRole('alert')).toHaveText('This is the admin app, for admins only. Outlet staff use the outlet app at /outlet/.');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Dabba Admin — sign in' })).toBeVisible();

  await page.getByLabel('Email').fill('');
  await signInAsAdmin(page);
  await expectConnected(page);
  await expect(page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Live operations' })).toHaveAttribute(
    'aria-current',
    'page',
  );

  // The outlet and driver apps turn other accounts away the same way, rather than leaving them at the form.
  const tablet = await (await browser.newContext({ viewport: { width: 1180, height: 820 } })).newPage();
  await tablet.goto(`${server.url}/outlet/`);
  await signInAsAdmin(tablet, 'driver@dabba.local');
  await expect(tablet.getByRole('alert')).toHaveText(
    'This is the outlet app, for outlet staff only. Drivers use the driver app at /driver/.',
  );
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await phone.goto(`${server.url}/driver/`);
  await signInAsAdmin(phone, 'admin@dabba.local');
  await expect(phone.getByRole('alert')).toHaveText('This is the driver app, for drivers only. Admins use the admin app at /admin/.');
  await phone.reload();
  await expect(phone.getByRole('heading', { name: 'Dabba Driver — sign in' })).toBeVisible();
});
