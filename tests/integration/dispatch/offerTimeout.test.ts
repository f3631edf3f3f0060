import { afterEach, describe, expect, it } from 'vitest';
import type { DabbaServer } from '../../../sync-server/app';
import { loginAll, type DemoSessions } from '../support/api';
import { A_KM_AWAY, acceptedDelivery, acceptOffer, addDriver, NEAR_OUTLET, offerSequence, offersOf, TWO_KM_AWAY } from '../support/drivers';
import { errorOf } from '../support/http';
import { startTestServer } from '../support/server';
import { eventually } from '../support/stockClient';

let server: DabbaServer;
afterEach(() => server.close());

async function start(env: Record<string, string>): Promise<DemoSessions> {
  server = await startTestServer(env);
  return loginAll(server.url);
}

describe('offer timeouts', () => {
  it('move an unanswered offer down the fair queue, driver by driver, then leave the order waiting', async () => {
    // The retry is far off: this test sees only the timeouts.
    const s = await start({ DABBA_OFFER_TIMEOUT_MS: '300', DABBA_DISPATCH_RETRY_MS: '600000' });
    const drivers = [
      await addDriver(server.url, s.admin, 'Asha', NEAR_OUTLET),
      await addDriver(server.url, s.admin, 'Bala', A_KM_AWAY),
      await addDriver(server.url, s.admin, 'Chen', TWO_KM_AWAY),
    ];
    const orderId = await acceptedDelivery(server.url, s.outlet);
    await eventually(() => offerSequence(drivers, orderId).length === 3, 15_000, 'three offers');
    await eventually(() => drivers.every((d) => !offersOf(d).has(orderId)), 15_000, 'the last offer to lapse');
    expect(offerSequence(drivers, orderId)).toEqual(['Asha', 'Bala', 'Chen']);
    for (const d of drivers) expect(d.offered.map((o) => o.expiresAt - o.offeredAt)).toEqual([300]);
    const [asha] = drivers;
    if (!asha) throw new Error('drivers were added');
    expect(errorOf(await acceptOffer(server.url, asha, orderId))?.code).toBe('offer_expired');
  });

  it('ask the same drivers again in a new round after the retry interval', async () => {
    const s = await start({ DABBA_OFFER_TIMEOUT_MS: '300', DABBA_DISPATCH_RETRY_MS: '300' });
    const asha = await addDriver(server.url, s.admin, 'Asha', NEAR_OUTLET);
    const orderId = await acceptedDelivery(server.url, s.outlet);
    await eventually(() => asha.offered.filter((o) => o.orderId === orderId).length >= 2, 15_000, 'a second offer');
    const [first, second] = asha.offered.filter((o) => o.orderId === orderId);
    // The second offer comes after the first lapsed, not instead of it.
    expect(second && first && second.offeredAt >= first.expiresAt).toBe(true);
  });
});
