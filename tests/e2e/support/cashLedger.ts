import { ledgerMap } from '../../../shared/cash/ledgerEntries';
import { cashLedgerName } from '../../../shared/docNames';
import { newEventId, type OrderId, type UserId } from '../../../shared/ids';
import { login } from '../../integration/support/api';
import { appendAs } from '../../integration/support/drivers';
import { MuxTestClient } from '../../integration/support/muxClient';
import { placeDeliveryOrder } from './deliveryOrder';

/**
 * The demo driver carried a delivery from the demo kitchen for `customer` and collected its ₹270.00,
 * recorded in his ledger as his phone would have.
 */
export async function driverCollectedCash(baseUrl: string, customer: string): Promise<{ driverId: UserId; orderId: OrderId }> {
  const admin = await login(baseUrl, 'admin');
  const outlet = await login(baseUrl, 'outlet');
  const driver = await login(baseUrl, 'driver');
  const driverId = driver.user.id as UserId;
  const orderId = (await placeDeliveryOrder(baseUrl, customer)).orderId as OrderId;
  await appendAs(baseUrl, admin, orderId, { type: 'assigned', driverId });
  await appendAs(baseUrl, outlet, orderId, { type: 'accepted', prepMinutes: 10 });
  await appendAs(baseUrl, driver, orderId, { type: 'picked_up' });
  const phone = await MuxTestClient.connect(baseUrl, driver.token);
  await phone.open(cashLedgerName(driverId));
  const collected = { id: newEventId(), kind: 'collected', at: Date.now(), by: driverId, orderId, amount: 27_000, currency: 'INR' };
  await phone.change(cashLedgerName(driverId), (d) => ledgerMap(d).set(collected.id, collected));
  phone.close();
  return { driverId, orderId };
}
