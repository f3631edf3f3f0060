import { afterEach, describe, expect, it } from 'vitest';
import { orderDocName } from '../../../shared/docNames';
import { newEventId } from '../../../shared/ids';
import { eventsArray, readOrder } from '../../../shared/order/orderDoc';
import { MuxType } from '../../../shared/protocol/muxMessages';
import { authorOf, login, placeOrder } from '../support/api';
import { getJson } from '../support/http';
import { MuxTestClient } from '../support/muxClient';
import { createTestDatabase, type TestDatabase } from '../support/postgres';
import { startTestServer } from '../support/server';

const JWT_SECRET = 'postgres-server-test-secret-0123456789';

describe('the server on PostgreSQL (DATABASE_URL)', () => {
  const databases: TestDatabase[] = [];
  afterEach(async () => {
    for (const db of databases.splice(0)) await db.drop();
  });

  it('keeps orders and their changes in PostgreSQL: a new node with an empty DATA_DIR serves them', async () => {
    const database = await createTestDatabase();
    databases.push(database);
    const env = { DATABASE_URL: database.url, JWT_SECRET };

    const first = await startTestServer(env);
    const { orderId, trackingUrl } = await placeOrder(first.url);
    const outlet = await login(first.url, 'outlet');
    const tablet = await MuxTestClient.connect(first.url, outlet.token);
    const name = orderDocName(orderId);
    await tablet.open(name);
    const answer = await tablet.change(name, (d) =>
      eventsArray(d).push([{ id: newEventId(), type: 'accepted', at: Date.now(), by: authorOf(outlet), prepMinutes: 15 }]),
    );
    expect(answer.type).toBe(MuxType.ACK);
    tablet.close();
    await first.close();

    // Another DATA_DIR: nothing of the order can come from the first node's files.
    const second = await startTestServer(env);
    try {
      const token = trackingUrl.split('/').pop() ?? '';
      expect((await getJson(`${second.url}/api/track/${token}`)).status).toBe(200);
      const admin = await login(second.url, 'admin');
      const desk = await MuxTestClient.connect(second.url, admin.token);
      const doc = await desk.open(name);
      expect(readOrder(doc)?.state.status).toBe('accepted');
      desk.close();
    } finally {
      await second.close();
    }
  });
});
