import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import type { OrderId } from '../../../shared/ids';
import { leaseKeys } from '../../../sync-server/dispatch/leadership/redisLease';
import { DispatchFence } from '../../../sync-server/storage/dispatchFence';
import { loginAll } from '../support/api';
import { assignments, dispatchRole, leaders, storedOffers, useDispatchCluster } from '../support/dispatchCluster';
import {
  acceptedDelivery,
  acceptOffer,
  addDriver,
  addDriverAccount,
  connectDriver,
  declineOffer,
  offersOf,
  type TestDriver,
} from '../support/drivers';
import { errorOf, postJson } from '../support/http';
import { pollUntil } from '../support/poll';
import { SHARED_REDIS } from '../support/redisPrefixes';
import { eventually } from '../support/stockClient';

const cluster = useDispatchCluster();

/** Another node took over, as far as Redis and storage can tell: it holds the lease and claimed a higher fence. */
async function takenOverElsewhere(): Promise<void> {
  const redis = new Redis(SHARED_REDIS);
  const keys = leaseKeys(cluster().redisPrefix);
  const taken = await redis.incrby(keys.counter, 1_000);
  await redis.set(keys.lease, `elsewhere/1#${taken}`, 'PX', 60_000);
  await redis.quit();
  expect(await new DispatchFence(cluster().sql).claim(taken)).toEqual({ claimed: true });
}

const offeredTo = (driver: TestDriver, orderId: OrderId) =>
  eventually(() => offersOf(driver).has(orderId), 10_000, `an offer of ${orderId} to ${driver.name}`);

describe('dispatch on several nodes sharing PostgreSQL and Redis', () => {
  it('is led by exactly one of three nodes, the one that started first, and stays so', async () => {
    const nodes = [await cluster().node('a'), await cluster().node('b'), await cluster().node('c')];
    expect(await leaders(nodes)).toEqual(['a']);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await leaders(nodes)).toEqual(['a']);
  });

  it('offers a delivery accepted through a node that does not lead, and assigns it once when the driver accepts through another', async () => {
    const a = await cluster().node('a');
    const b = await cluster().node('b');
    const c = await cluster().node('c');
    const onB = await loginAll(b.url);
    // Added through b (b tells the leader); the phone holds its inbox on the leader, where offers are written.
    const asha = await connectDriver(a.url, await addDriverAccount(b.url, onB.admin, 'Asha'), 'Asha');
    const orderId = await acceptedDelivery(b.url, onB.outlet);
    await offeredTo(asha, orderId);
    expect((await storedOffers(cluster().sql)).map((o) => [o.orderId, o.driverId])).toEqual([[orderId, asha.id]]);

    expect((await acceptOffer(b.url, asha, orderId)).status).toBe(200);
    // The answer was lost on the way; asking again, through yet another node, gets the same answer.
    expect((await acceptOffer(c.url, asha, orderId)).status).toBe(200);
    expect(await assignments(cluster().sql, orderId)).toEqual([asha.id]);
    expect(await storedOffers(cluster().sql)).toEqual([]);
  });

  it('moves a declined offer on and assigns by POST /newdelivery when the requests reach nodes that do not lead', async () => {
    const a = await cluster().node('a');
    const b = await cluster().node('b');
    const [onA, onB] = [await loginAll(a.url), await loginAll(b.url)];
    const asha = await addDriver(a.url, onA.admin, 'Asha');
    const bala = await addDriver(a.url, onA.admin, 'Bala', { lat: 12.9846, lng: 77.6066 });
    const orderId = await acceptedDelivery(b.url, onB.outlet);
    await offeredTo(asha, orderId);
    expect((await declineOffer(b.url, asha, orderId, 'tyre puncture')).status).toBe(204);
    await offeredTo(bala, orderId);

    const other = await acceptedDelivery(b.url, onB.outlet);
    const res = await postJson<{ driverId?: string }>(`${b.url}/newdelivery`, { orderId: other }, { token: onB.admin.token });
    expect(res.status).toBe(200);
    expect(await assignments(cluster().sql, other)).toEqual([res.body.driverId]);
  });

  it('lets another node lead at once when the leader stops, and dispatch go on there', async () => {
    const a = await cluster().node('a');
    const b = await cluster().node('b');
    const c = await cluster().node('c');
    const onB = await loginAll(b.url);
    await addDriverAccount(b.url, onB.admin, 'Asha');
    await a.server.close();
    const next = await pollUntil(
      () => leaders([b, c]),
      (l) => l.length === 1,
      'the next leader',
      2_000,
    );
    const leader = next[0] === 'b' ? b : c;
    const driver = await addDriver(leader.url, (await loginAll(leader.url)).admin, 'Bala');
    const orderId = await acceptedDelivery(b.url, onB.outlet);
    await pollUntil(
      () => storedOffers(cluster().sql),
      (o) => o.some((x) => x.orderId === orderId),
      'the order offered',
    );
    const [offer] = (await storedOffers(cluster().sql)).filter((o) => o.orderId === orderId);
    expect(offer?.driverId).toBe(driver.id);
  });

  it('refuses the writes of a leader whose term ended without its knowing, and makes it stop leading', async () => {
    // A long lease: the leader would not learn of the loss from Redis within this test, only from the fence.
    const a = await cluster().node('a', { DABBA_DISPATCH_LEASE_MS: '30000' });
    const onA = await loginAll(a.url);
    const asha = await addDriver(a.url, onA.admin, 'Asha');
    expect(await dispatchRole(a)).toBe('leader');

    // Another node took over while this one was paused.
    await takenOverElsewhere();

    const orderId = await acceptedDelivery(a.url, onA.outlet);
    await pollUntil(
      () => dispatchRole(a),
      (role) => role === 'follower',
      'the deposed leader to stop',
    );
    expect(await storedOffers(cluster().sql)).toEqual([]);
    expect(offersOf(asha).has(orderId)).toBe(false);
    expect(await assignments(cluster().sql, orderId)).toEqual([]);
  });

  it('answers a decision no leader makes within 5 s with 503 dispatch_unavailable and a Retry-After', async () => {
    const a = await cluster().node('a');
    const b = await cluster().node('b');
    const [onA, onB] = [await loginAll(a.url), await loginAll(b.url)];
    const asha = await addDriver(a.url, onA.admin, 'Asha');
    const orderId = await acceptedDelivery(b.url, onB.outlet);
    await offeredTo(asha, orderId);
    // The leader learns at its next renewal that it lost the lease, to a node that is gone too.
    await takenOverElsewhere();
    await pollUntil(
      () => leaders([a, b]),
      (l) => l.length === 0,
      'nobody to lead',
    );

    const asked = Date.now();
    const res = await acceptOffer(b.url, asha, orderId);
    expect(Date.now() - asked).toBeGreaterThanOrEqual(4_500);
    expect([res.status, errorOf(res)?.code, res.headers.get('retry-after')]).toEqual([503, 'dispatch_unavailable', '3']);
    expect(errorOf(res)?.message).toMatch(/try again/);
    expect(await assignments(cluster().sql, orderId)).toEqual([]);
  });
});
