import { expect, test } from '@playwright/test';
import { ledgerMap } from '../../shared/cash/ledgerEntries';
import { cashLedgerName } from '../../shared/docNames';
import { newEventId, type OrderId, type UserId } from '../../shared/ids';
import { login } from '../integration/support/api';
import { appendAs } from '../integration/support/drivers';
import { MuxTestClient } from '../integration/support/muxClient';
import { placeDeliveryOrder } from './support/deliveryOrder';
import { openDriverPhone } from './support/driverPage';
import { freshServerPerTest } from './support/freshServer';
import { signInAsOutlet } from './support/outletPage';

const env = freshServerPerTest();

test('a driver hands cash over at the outlet while the phone and the tablet are both offline; once both sync, both show the balance and the mismatch', async () => {
  const { server, browser } = env();
  const admin = await login(server.url, 'admin');
  const outlet = await login(server.url, 'outlet');
  const driver = await login(server.url, 'driver');
  const driverId = driver.user.id as UserId;

  // Ravi carried an order from the demo kitchen and collected its ₹270.00 (recorded in his ledger).
  const { orderId } = await placeDeliveryOrder(server.url, 'Kavya Cash');
  await appendAs(server.url, admin, orderId as OrderId, { type: 'assigned', driverId });
  await appendAs(server.url, outlet, orderId as OrderId, { type: 'accepted', prepMinutes: 10 });
  await appendAs(server.url, driver, orderId as OrderId, { type: 'picked_up' });
  const seed = await MuxTestClient.connect(server.url, driver.token);
  await seed.open(cashLedgerName(driverId));
  const collected = { id: newEventId(), kind: 'collected', at: Date.now(), by: driverId, orderId, amount: 27_000, currency: 'INR' };
  await seed.change(cashLedgerName(driverId), (d) => ledgerMap(d).set(collected.id, collected));
  seed.close();

  const { context: phoneContext, page: phone } = await openDriverPhone(browser, server.url);
  const cash = phone.getByRole('region', { name: 'Cash' });
  await expect(cash).toContainText('You should hold ₹270.00 now');

  const tabletContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const tablet = await tabletContext.newPage();
  await tablet.goto(`${server.url}/outlet/`);
  await signInAsOutlet(tablet);
  await tablet.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Cash' }).click();
  await expect(tablet.getByText('Their ledger says they hold ₹270.00.')).toBeVisible();

  // Both lose the network; each records its side.
  await phoneContext.setOffline(true);
  await tabletContext.setOffline(true);
  await cash.getByRole('button', { name: 'Hand over cash' }).click();
  await cash.getByLabel('Hand over to').selectOption({ label: 'Dabba Demo Kitchen' });
  await expect(cash.getByLabel('Amount handed over')).toHaveValue('270');
  await cash.getByRole('button', { name: 'Confirm handover' }).click();
  await expect(cash).toContainText('₹270.00 to Dabba Demo Kitchen — waiting for their record');
  await expect(cash).toContainText('You should hold ₹0.00 now');

  await tablet.getByLabel('Amount counted').fill('250');
  await tablet.getByRole('button', { name: 'Confirm cash received' }).click();
  await expect(tablet.getByText('Received ₹250.00 — saved on this tablet.')).toBeVisible();

  // Back online: the two sides pair, the outlet counted less, and both say so.
  await phoneContext.setOffline(false);
  await tabletContext.setOffline(false);
  await expect(cash).toContainText('₹270.00 handed to Dabba Demo Kitchen, ₹250.00 counted there — MISMATCH', { timeout: 30_000 });
  await expect(cash).toContainText('You should hold ₹20.00 now');
  await expect(tablet.getByText(/Their ledger says they hold ₹20\.00\. 1 earlier handover\(s\) did not match\./)).toBeVisible({
    timeout: 30_000,
  });
});
