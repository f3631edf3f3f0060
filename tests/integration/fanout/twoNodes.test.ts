import { afterEach, describe, expect, it } from 'vitest';
import { orderDocName } from '../../../shared/docNames';
import { newEventId } from '../../../shared/ids';
import { eventsArray, readOrder } from '../../../shared/order/orderDoc';
import { MuxType } from '../../../shared/protocol/muxMessages';
import type { DabbaServer } from '../../../sync-server/app';
import { authorOf, login, placeOrder } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { MuxTestClient } from '../support/muxClient';
import { useRedisPrefixes, SHARED_REDIS } from '../support/redisPrefixes';
import { startTestServer } from '../support/server';
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
    const first = await startTestServer(env);
    cleanup.push(() => first.close());
    const second = await startTestServer(env);
    cleanup.push(() => second.close());
    return [first, second];
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
});
