import { afterEach, describe, expect, it } from 'vitest';
import { orderDocName, outletInboxName } from '../../../shared/docNames';
import { newEventId, OutletIdSchema } from '../../../shared/ids';
import { inboxOrderIds } from '../../../shared/inbox';
import { eventsArray, readOrder } from '../../../shared/order/orderDoc';
import { MuxType } from '../../../shared/protocol/muxMessages';
import type { DabbaServer } from '../../../sync-server/app';
import { authorOf, login, placeOrder } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { MuxTestClient } from '../support/muxClient';
import { useRedisPrefixes, SHARED_REDIS } from '../support/redisPrefixes';
import { DEMO_OUTLET, startTestServer } from '../support/server';
import { eventually, stockProvider, whenSynced } from '../support/stockClient';

const JWT_SECRET = 'fanout-two-nodes-test-secret-0123456789';

describe('two nodes behind one PostgreSQL and one Redis', () => {
  const prefix = useRedisPrefixes();
  const cleanup: Array<() => Promise<void> | void> = [];
  let database: TestDatabase | null = null;
  afterEach(async () => {
    for (const close of cleanup.splice(0).reverse()) await close();
    await database?.drop();
    database = null;
  });

  async function nodes(): Promise<[DabbaServer, DabbaServer]> {
    database = await createTestDatabase();
    const env = { DATABASE_URL: database.url, JWT_SECRET, REDIS_URL: SHARED_REDIS, DABBA_REDIS_PREFIX: prefix() };
    return [await started(env), await started(env)];
  }

  async function started(env: Record<string, string>): Promise<DabbaServer> {
    const server = await startTestServer(env);
    cleanup.push(() => server.close());
    return server;
  }

  it("shows a tablet's change on one node, live, to a stock y-websocket client on the other", async () => {
    const [one, two] = await nodes();
    const { orderId } = await placeOrder(one.url);
    const name = orderDocName(orderId);
    const outlet = await login(one.url, 'outlet');
    const admin = await login(two.url, 'admin');

    const watcher = stockProvider(two.url, name, admin.token);
    cleanup.push(() => watcher.destroy());
    await whenSynced(watcher);
    expect(readOrder(watcher.doc)?.state.status).toBe('placed');

    const tablet = await MuxTestClient.connect(one.url, outlet.token);
    cleanup.push(() => tablet.close());
    await tablet.open(name);
    const answer = await tablet.change(name, (d) =>
      eventsArray(d).push([{ id: newEventId(), type: 'accepted', at: Date.now(), by: authorOf(outlet), prepMinutes: 15 }]),
    );
    expect(answer.type).toBe(MuxType.ACK);
    await eventually(() => readOrder(watcher.doc)?.state.status === 'accepted', 10_000, 'the watcher on node two sees the acceptance');
  });

  it('keeps nodes on different databases apart even when they share a Redis and its prefix', async () => {
    const shared = { JWT_SECRET, REDIS_URL: SHARED_REDIS, DABBA_REDIS_PREFIX: prefix() };
    const [db1, db2] = [await createTestDatabase(), await createTestDatabase()];
    cleanup.push(
      () => db1.drop(),
      () => db2.drop(),
    );
    const one = await started({ ...shared, DATABASE_URL: db1.url });
    const two = await started({ ...shared, DATABASE_URL: db2.url });
    const inbox = outletInboxName(OutletIdSchema.parse(DEMO_OUTLET));
    const [onOne, onTwo] = [await login(one.url, 'outlet'), await login(two.url, 'outlet')];
    const tablets = [await MuxTestClient.connect(one.url, onOne.token), await MuxTestClient.connect(two.url, onTwo.token)];
    cleanup.push(() => tablets.forEach((t) => t.close()));
    const [inboxOne, inboxTwo] = [await tablets[0]?.open(inbox), await tablets[1]?.open(inbox)];

    const { orderId } = await placeOrder(one.url);
    await eventually(() => (inboxOne ? inboxOrderIds(inboxOne).includes(orderId) : false), 10_000, 'the order in inbox one');
    const { orderId: other } = await placeOrder(two.url);
    await eventually(() => (inboxTwo ? inboxOrderIds(inboxTwo).includes(other) : false), 10_000, 'the order in inbox two');
    // The same document name on both: neither node applied an update stored in the other's database.
    expect(inboxTwo ? inboxOrderIds(inboxTwo) : []).not.toContain(orderId);
    expect(inboxOne ? inboxOrderIds(inboxOne) : []).not.toContain(other);
  });
});
