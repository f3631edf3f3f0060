import { beforeAll, describe, expect, it } from 'vitest';
import { orderDocName } from '../../../../shared/docNames';
import type { OrderId } from '../../../../shared/ids';
import { readOrder } from '../../../../shared/order/orderDoc';
import { MuxType } from '../../../../shared/protocol/muxMessages';
import { placeOrder, type Session } from '../../support/api';
import { addDriver, appendAs, NEAR_OUTLET, type TestDriver } from '../../support/drivers';
import { postJson } from '../../support/http';
import { MuxTestClient } from '../../support/muxClient';
import { DELIVERY } from '../../support/refusals';
import { proposeAs } from '../../support/proposeAs';
import { useTestServer } from '../../support/testServer';

const t = useTestServer();
let asha: TestDriver;
let orderId: OrderId;
let due: number;

/** What the server answers to `session` appending a cash_collected with `data` to the order. */
const collect = (session: Session, data: Record<string, unknown>): Promise<string> =>
  proposeAs(t.url, session, orderId, 'cash_collected', data);

beforeAll(async () => {
  asha = await addDriver(t.url, t.admin, 'Asha', NEAR_OUTLET);
  ({ orderId } = await placeOrder(t.url, DELIVERY));
  const assigned = await postJson(`${t.url}/newdelivery`, { orderId }, { token: t.admin.token });
  expect(assigned.body).toMatchObject({ driverId: asha.id });
  await appendAs(t.url, t.outlet, orderId, { type: 'accepted', prepMinutes: 10 });
  await appendAs(t.url, asha.session, orderId, { type: 'picked_up' });
  const watcher = await MuxTestClient.connect(t.url, t.admin.token);
  due = readOrder(await watcher.open(orderDocName(orderId)))?.header.totals.total ?? 0;
  watcher.close();
  expect(due).toBeGreaterThan(0);
});

describe('cash_collected on an order', () => {
  it('is refused from outlet staff and admins: only the driver holding the cash records it', async () => {
    expect(await collect(t.outlet, { amount: due })).toBe('event_not_allowed');
    expect(await collect(t.admin, { amount: due })).toBe('event_not_allowed');
  });

  it('is refused from another driver, who may not even open the order', async () => {
    const ravi = await addDriver(t.url, t.admin, 'Ravi', NEAR_OUTLET);
    const answer = await ravi.device.subscribe(orderDocName(orderId));
    expect(answer).toMatchObject({ type: MuxType.REFUSED, code: 'forbidden' });
    ravi.device.close();
  });

  it('refuses amounts that are not whole minor units, more than is due, or in another currency', async () => {
    expect(await collect(asha.session, { amount: 10.5 })).toBe('event_invalid');
    expect(await collect(asha.session, { amount: -100 })).toBe('event_invalid');
    expect(await collect(asha.session, { amount: due + 1 })).toBe('invalid_value');
    expect(await collect(asha.session, { amount: due, currency: 'USD' })).toBe('invalid_value');
  });

  it('takes the assigned driver’s amount, a short one included, and every device reads it back', async () => {
    expect(await collect(asha.session, { amount: due - 2000, currency: 'INR' })).toBe('ack');
    const fresh = await MuxTestClient.connect(t.url, t.outlet.token);
    const events = readOrder(await fresh.open(orderDocName(orderId)))?.state.applied ?? [];
    expect(events.find((e) => e.type === 'cash_collected')).toMatchObject({ amount: due - 2000, by: { id: asha.id, role: 'driver' } });
    fresh.close();
  });
});
