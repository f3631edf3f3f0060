import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { OrderId } from '../../../shared/ids';
import type { Database } from '../../../sync-server/storage/sql/schema';
import { loginAll } from '../support/api';
import { assignments, leaders, storedOffers, useDispatchCluster } from '../support/dispatchCluster';
import {
  A_KM_AWAY,
  acceptedDelivery,
  acceptOffer,
  addDriverAccount,
  connectDriver,
  NEAR_OUTLET,
  TWO_KM_AWAY,
  type TestDriver,
} from '../support/drivers';
import { pollUntil } from '../support/poll';

const cluster = useDispatchCluster();
const TAKEOVER_LIMIT_MS = 5_000;

/**
 * Drivers who take every offer made to them, each through the next node of `urls()` in turn: they read
 * the offers from storage (whichever node made them) and note when each order was first offered.
 */
class EagerDrivers {
  readonly firstOffered = new Map<OrderId, number>();
  private stopped = false;
  private readonly loop: Promise<void>;

  constructor(
    private readonly sql: Kysely<Database>,
    private readonly drivers: readonly TestDriver[],
    private readonly urls: () => readonly string[],
  ) {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  private async run(): Promise<void> {
    let turn = 0;
    while (!this.stopped) {
      for (const offer of await storedOffers(this.sql)) {
        if (!this.firstOffered.has(offer.orderId)) this.firstOffered.set(offer.orderId, offer.offeredAt);
        const driver = this.drivers.find((d) => d.id === offer.driverId);
        const urls = this.urls();
        const url = urls[turn++ % urls.length];
        // A node killed under the request, or dispatch moving: the offer is still there next time round.
        if (driver && url) await acceptOffer(url, driver, offer.orderId).catch(() => undefined);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

describe('dispatch when its leader is killed', () => {
  it('goes on on another node within 5 s of a kill -9, and assigns every order exactly once across it', async () => {
    const a = await cluster().child('a');
    const b = await cluster().node('b');
    const c = await cluster().node('c');
    expect(await leaders([a, b, c])).toEqual(['a']);
    const [onB, onC] = [await loginAll(b.url), await loginAll(c.url)];
    const drivers: TestDriver[] = [];
    for (const [i, at] of [NEAR_OUTLET, A_KM_AWAY, TWO_KM_AWAY, NEAR_OUTLET].entries()) {
      const name = `Driver ${i}`;
      drivers.push(await connectDriver(b.url, await addDriverAccount(b.url, onB.admin, name, at, 10), name));
    }
    let alive = [a.url, b.url, c.url];
    const eager = new EagerDrivers(cluster().sql, drivers, () => alive);
    // Placed and accepted through the nodes that stay, in turn.
    const place = (i: number): Promise<OrderId> =>
      i % 2 === 0 ? acceptedDelivery(b.url, onB.outlet) : acceptedDelivery(c.url, onC.outlet);
    const orders: OrderId[] = [];
    try {
      for (let i = 0; i < 10; i++) orders.push(await place(i));
      await pollUntil(
        () => storedOffers(cluster().sql),
        (offers) => offers.length > 0 || eager.firstOffered.size >= 5,
        'dispatch under way',
      );

      a.child.process.kill('SIGKILL');
      const killedAt = Date.now();
      alive = [b.url, c.url];
      const placedAfter = await place(0);
      orders.push(placedAfter);
      await pollUntil(
        () => leaders([b, c]),
        (l) => l.length === 1,
        'a new leader',
        TAKEOVER_LIMIT_MS,
      );
      const tookOverMs = Date.now() - killedAt;
      await pollUntil(
        () => Promise.resolve(eager.firstOffered.get(placedAfter)),
        (at) => at !== undefined,
        'the order placed after the kill offered',
      );
      const offeredAfterMs = (eager.firstOffered.get(placedAfter) ?? Infinity) - killedAt;
      expect(tookOverMs).toBeLessThan(TAKEOVER_LIMIT_MS);
      expect(offeredAfterMs).toBeLessThan(TAKEOVER_LIMIT_MS);

      for (let i = 0; i < 14; i++) orders.push(await place(i));
      const allAssigned = async () => Promise.all(orders.map((id) => assignments(cluster().sql, id)));
      await pollUntil(allAssigned, (all) => all.every((drivers) => drivers.length > 0), 'every order assigned', 30_000);
    } finally {
      await eager.stop();
    }
    const assigned = await Promise.all(orders.map((id) => assignments(cluster().sql, id)));
    expect(assigned.filter((drivers) => drivers.length !== 1)).toEqual([]);
    expect(new Set(orders).size).toBe(25);
    expect(await storedOffers(cluster().sql)).toEqual([]);
  });
});
