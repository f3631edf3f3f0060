import { expect, test } from '@playwright/test';
import { expectConnected, signInAsAdmin } from './support/adminPage';
import { freshServerPerTest } from './support/freshServer';

const env = freshServerPerTest();

test('an admin signs in to the admin app; outlet staff are told to use the outlet app and are not signed in', async () => {
  const { server, browser } = env();
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.goto(`${server.url}/admin/`);
  await expect(page.getByRole('heading', { name: 'Dabba Admin — sign in' })).toBeVisible();

  await signInAsAdmin(page, 'outlet@dabba.local');
  await expect(page.getByRole('alert')).toHaveText(
    'This is the admin app, for admin accounts only. Outlet staff use the outlet app at /outlet/.',
  );
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Dabba Admin — sign in' })).toBeVisible();

  await page.getByLabel('Email').fill('');
  await signInAsAdmin(page);
  await expectConnected(page);
  await expect(page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Live operations' })).toHaveAttribute(
    'aria-current',
    'page',
  );
});
