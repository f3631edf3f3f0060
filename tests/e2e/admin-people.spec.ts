import { expect, test } from '@playwright/test';
import { expectConnected, openAdminDesk } from './support/adminPage';
import { freshServerPerTest } from './support/freshServer';
import { onlineBanner } from './support/outletPage';

const env = freshServerPerTest();

test('an admin adds outlet staff through People and disabling them signs out their open outlet app at once, saying an administrator did', async () => {
  const { server, browser } = env();
  const page = await openAdminDesk(browser, server.url);
  await expectConnected(page);
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('table', { name: 'People' }).getByRole('row', { name: 'Ravi Kumar' })).toContainText('Off shift');

  const form = page.getByRole('form', { name: 'Add a person' });
  await form.getByRole('combobox', { name: /^Role/ }).selectOption({ label: 'Outlet staff' });
  await form.getByRole('combobox', { name: /^Outlet/ }).selectOption({ label: 'Dabba Demo Kitchen' });
  await form.getByLabel('Name', { exact: true }).fill('Farah Fresh');
  await form.getByLabel('Email', { exact: true }).fill('farah@dabba.local');
  await form.getByLabel('Password', { exact: true }).fill('short');
  await form.getByRole('button', { name: 'Add person' }).click();
  await expect(form.getByRole('alert')).toHaveText('password: must be at least 8 characters');
  await form.getByLabel('Password', { exact: true }).fill('farah-fresh-1');
  await form.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Farah Fresh can now sign in' })).toBeVisible();
  const farah = page.getByRole('row', { name: 'Farah Fresh' });
  await expect(farah).toContainText('Dabba Demo Kitchen');

  const tablet = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
  await tablet.goto(`${server.url}/outlet/`);
  await tablet.getByLabel('Email').fill('farah@dabba.local');
  await tablet.getByLabel('Password').fill('farah-fresh-1');
  await tablet.getByRole('button', { name: 'Sign in' }).click();
  await expect(onlineBanner(tablet)).toBeVisible();
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(farah).toContainText('1 app open');

  await farah.getByRole('button', { name: 'Disable…' }).click();
  await farah.getByRole('button', { name: 'Disable Farah Fresh' }).click();
  await expect(farah).toContainText('Disabled');
  await expect(tablet.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(
    tablet.getByRole('status').filter({ hasText: 'An administrator ended this sign-in. Ask them if you should still have access.' }),
  ).toBeVisible();
  await expect(tablet.getByText('Your sign-in has expired')).toHaveCount(0);

  await tablet.getByLabel('Email').fill('farah@dabba.local');
  await tablet.getByLabel('Password').fill('farah-fresh-1');
  await tablet.getByRole('button', { name: 'Sign in' }).click();
  await expect(tablet.getByRole('alert')).toBeVisible();
  await expect(tablet.getByRole('button', { name: 'Sign in' })).toBeVisible();
});

test('offline, the People list stays readable from the device and account changes say they need the network', async () => {
  const { server, browser } = env();
  const page = await openAdminDesk(browser, server.url);
  await expectConnected(page);
  await page.goto(`${server.url}/admin/#/people`);
  const ravi = page.getByRole('row', { name: 'Ravi Kumar' });
  await expect(ravi).toContainText('Cash collected today');

  await page.context().setOffline(true);
  await page.reload();
  await expect(ravi).toContainText('Cash collected today');
  await expect(page.getByText('Changing accounts needs the network')).toBeVisible();
  await expect(ravi.getByRole('button', { name: 'Disable…' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Add person' })).toBeDisabled();
});
