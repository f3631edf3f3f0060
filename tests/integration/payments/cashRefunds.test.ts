import { beforeAll, describe, expect, it } from 'vitest';
import type { RefundResponse } from '../../../shared/api/orders';
import { orderDocName } from '../../../shared/docNames';
import type { OrderId } from '../../../shared/ids';
import { readOrder } from '../../../shared/order/orderDoc';
import { PICKUP_ORDER, placeOrder } from '../support/api';
import { addDriver, appendAs, NEAR_OUTLET, type TestDriver } from '../support/drivers';
import { errorOf, postJson } from '../support/http';
import { MuxTestClient } from '../support/muxClient';
import { DELIVERY } from '../support/refusals';
import { useTestServer } from '../support/testServer';

const t = useTestServer({ DABBA_ORDERS_PER_MINUTE: '100' });
let asha: TestDriver;

beforeAll(async () => {
  asha = await addDriver(t.url, t.admin, 'Asha', NEAR_OUTLET);
});

let keys = 0;
const refund = (orderId: OrderId, amount: number) =>
  postJson<RefundResponse>(
    `${t.url}/api/orders/${orderId}/refunds`,
    { amount, reason: 'Cold food' },
    { token: t.admin.token, idempotencyKey: `cash-refund-${String(++keys)}-${orderId}` },
  );

async function totalOf(orderId: OrderId): Promise<number> {
  const device = await MuxTestClient.connect(t.url, t.admin.token);
  try {
    return readOrder(await device.open(orderDocName(orderId)))?.header.totals.total ?? 0;
  } finally {
    device.close();
  }
}

describe('cash refunds are capped at the cash actually collected', () => {
  it('refuses a pickup order’s cash refund before the counter took the cash, and allows the total after', async () => {
    const { orderId } = await placeOrder(t.url, PICKUP_ORDER);
    const early = await refund(orderId, 100);
    expect(early.status).toBe(422);
    expect(errorOf(early)?.code).toBe('nothing_collected');

    await appendAs(t.url, t.outlet, orderId, { type: 'accepted', prepMinutes: 10 });
    await appendAs(t.url, t.outlet, orderId, { type: 'ready' });
    await appendAs(t.url, t.outlet, orderId, { type: 'handed_over' });
    const res = await refund(orderId, 18000);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ method: 'cash', amount: 18000, paid: 0, refunded: 18000 });
    expect(errorOf(await refund(orderId, 1))?.code).toBe('nothing_to_refund');
  });

  it('refuses a delivery’s cash refund before the driver collected, and beyond what a short customer paid', async () => {
    const { orderId } = await placeOrder(t.url, DELIVERY);
    const assigned = await postJson(`${t.url}/newdelivery`, { orderId }, { token: t.admin.token });
    expect(assigned.body).toMatchObject({ driverId: asha.id });
    await appendAs(t.url, t.outlet, orderId, { type: 'accepted', prepMinutes: 10 });
    await appendAs(t.url, asha.session, orderId, { type: 'picked_up' });
    expect(errorOf(await refund(orderId, 100))?.code).toBe('nothing_collected');

    const total = await totalOf(orderId);
    await appendAs(t.url, asha.session, orderId, { type: 'cash_collected', amount: total - 2000, currency: 'INR' });
    const tooMuch = await refund(orderId, total);
    expect(tooMuch.status).toBe(422);
    expect(errorOf(tooMuch)).toEqual({
      code: 'refund_too_large',
      message: `At most ${String(total - 2000)} (minor units) can still be refunded.`,
    });
    expect((await refund(orderId, total - 2000)).body).toEqual({ method: 'cash', amount: total - 2000, paid: 0, refunded: total - 2000 });
  });
});
