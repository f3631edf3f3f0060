import { expect, test } from '@playwright/test';
import { expectConnected, openAdminDesk } from './support/adminPage';
import { openDriverPhone } from './support/driverPage';
import { driverCollectedCash } from './support/cashLedger';
import { freshServerPerTest } from './support/freshServer';

const env = freshServerPerTest();

test('a driver hands cash to the office and an admin, offline, receives it in People; once synced both balances settle', async () => {
  const { server, browser } = env();
  // Ravi carried an order from the demo kitchen and collected its ₹270.00 (recorded in his ledger).
  await driverCollectedCash(server.url, 'Kavya Office');

  const { page: phone } = await openDriverPhone(browser, server.url);
  const cash = phone.getByRole('region', { name: 'Cash' });
  await expect(cash).toContainText('You should hold ₹270.00 now');
  await cash.getByRole('button', { name: 'Hand over cash' }).click();
  await cash.getByLabel('Hand over to').selectOption({ label: 'The office (an admin)' });
  await cash.getByRole('button', { name: 'Confirm handover' }).click();
  await expect(cash).toContainText('₹270.00 to The office (an admin) — waiting for their record');

  const desk = await openAdminDesk(browser, server.url);
  await expectConnected(desk);
  await desk.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'People' }).click();
  const ravi = desk.getByRole('table', { name: 'People' }).getByRole('row', { name: 'Ravi Kumar' });
  await expect(ravi).toContainText('Holds in cash now: nothing');

  // The office counts it with no network: saved on the admin's device, sent when it is back.
  await desk.context().setOffline(true);
  await ravi.getByRole('button', { name: 'Receive cash…' }).click();
  const form = ravi.getByRole('form', { name: 'Receive cash from Ravi Kumar' });
  await expect(form.getByRole('list', { name: 'Handed to the office, not counted yet' })).toContainText('₹270.00 handed over at');
  await expect(form.getByLabel('Amount counted')).toHaveValue('270');
  await form.getByRole('button', { name: 'Receive ₹270.00' }).click();
  await expect(ravi.getByRole('status')).toHaveText('Received ₹270.00 from Ravi Kumar — saved on this device.');
  await desk.context().setOffline(false);

  await expect(cash).toContainText('₹270.00 to The office (an admin) — confirmed', { timeout: 30_000 });
  await expect(cash).toContainText('You should hold ₹0.00 now');
  await expect(ravi).toContainText('Holds in cash now: nothing');
  await expect(ravi).not.toContainText('mismatch');
  await ravi.getByRole('button', { name: 'Receive cash…' }).click();
  await expect(ravi.getByRole('list', { name: 'Handed to the office, not counted yet' })).toHaveCount(0);
});
