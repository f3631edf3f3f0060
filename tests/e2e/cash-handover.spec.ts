import { expect, test } from '@playwright/test';
import { openDriverPhone } from './support/driverPage';
import { driverCollectedCash } from './support/cashLedger';
import { freshServerPerTest } from './support/freshServer';
import { signInAsOutlet } from './support/outletPage';

const env = freshServerPerTest();

test('a driver hands cash over at the outlet while the phone and the tablet are both offline; once both sync, both show the balance and the mismatch, which the counter’s recount settles', async () => {
  const { server, browser } = env();
  // Ravi carried an order from the demo kitchen and collected its ₹270.00 (recorded in his ledger).
  await driverCollectedCash(server.url, 'Kavya Cash');

  const { context: phoneContext, page: phone } = await openDriverPhone(browser, server.url);
  const cash = phone.getByRole('region', { name: 'Cash' });
  await expect(cash).toContainText('You should hold ₹270.00 now');

  const tabletContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const tablet = await tabletContext.newPage();
  await tablet.goto(`${server.url}/outlet/`);
  await signInAsOutlet(tablet);
  await tablet.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Cash' }).click();
  await expect(tablet.getByText('Their ledger says they hold ₹270.00.')).toBeVisible();
  // The tablet has no drivers list: the driver's first name came with the order, in the outlet's inbox.
  await expect(tablet.getByRole('combobox', { name: 'Driver' })).toHaveText(/^Ravi \(#[^)]+\)$/);

  // Both lose the network; each records its side.
  await phoneContext.setOffline(true);
  await tabletContext.setOffline(true);
  await cash.getByRole('button', { name: 'Hand over cash' }).click();
  await cash.getByLabel('Hand over to').selectOption({ label: 'Dabba Demo Kitchen' });
  await expect(cash.getByLabel('Amount handed over')).toHaveValue('270');
  await cash.getByRole('button', { name: 'Confirm handover' }).click();
  await expect(cash).toContainText('₹270.00 to Dabba Demo Kitchen — waiting for their record');
  await expect(cash).toContainText('You should hold ₹0.00 now');
  // Only on the phone so far: it says so, and signing out asks first.
  const waiting = phone.getByRole('status', { name: 'Waiting to upload' });
  await expect(waiting).toContainText('1 cash record');
  await phone.getByRole('button', { name: 'Sign out' }).click();
  await expect(phone.getByRole('alertdialog')).toContainText('1 things waiting to upload, saved only on this device.');
  await phone.getByRole('button', { name: 'Stay signed in' }).click();

  await tablet.getByLabel('Amount counted').fill('250');
  await tablet.getByRole('button', { name: 'Confirm cash received' }).click();
  await expect(tablet.getByText('Received ₹250.00 — saved on this tablet.')).toBeVisible();

  // Back online: the two sides pair, the outlet counted less, and both say so.
  await phoneContext.setOffline(false);
  await tabletContext.setOffline(false);
  await expect(cash).toContainText('₹270.00 handed to Dabba Demo Kitchen, ₹250.00 counted there — MISMATCH', { timeout: 30_000 });
  await expect(cash).toContainText('You should hold ₹20.00 now');
  await expect(waiting).toHaveCount(0);
  await expect(tablet.getByText(/Their ledger says they hold ₹20\.00\. 1 earlier handover\(s\) did not match\./)).toBeVisible({
    timeout: 30_000,
  });

  // The counter finds the other ₹20.00 and recounts its side: the handover settles on both devices.
  const recounts = tablet.getByRole('list', { name: 'Handovers that do not match' });
  await expect(recounts).toContainText('₹270.00 handed, ₹250.00 counted here');
  await expect(recounts.getByLabel('Amount counted again')).toHaveValue('270');
  await recounts.getByRole('button', { name: 'Save recount' }).click();
  await expect(tablet.getByText('Their ledger says they hold ₹0.00.')).toBeVisible();
  await expect(recounts).toHaveCount(0);
  await expect(cash).toContainText('₹270.00 to Dabba Demo Kitchen — confirmed', { timeout: 30_000 });
  await expect(cash).toContainText('You should hold ₹0.00 now');
});
