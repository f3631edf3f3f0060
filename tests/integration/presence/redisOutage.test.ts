import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outletInboxName } from '../../../shared/docNames';
import { presenceListSchema, type PresenceList } from '../../../shared/api/presence';
import { OutletIdSchema } from '../../../shared/ids';
import { inboxOrderIds } from '../../../shared/inbox';
import type { DabbaServer } from '../../../sync-server/app';
import { loginAll, placeOrder, type DemoSessions, type Session } from '../support/api';
import { appendAs } from '../support/drivers';
import { getJson } from '../support/http';
import { MuxTestClient } from '../support/muxClient';
import { pollUntil } from '../support/poll';
import { RedisChild } from '../support/redisServer';
import { DEMO_OUTLET, startTestServer } from '../support/server';

interface Health {
  readonly status: number;
  readonly presence: string;
  readonly fanout: string;
}

let redis: RedisChild;
let a: DabbaServer;
let b: DabbaServer;
let onA: DemoSessions;
let onB: DemoSessions;

beforeAll(async () => {
  redis = await RedisChild.start();
  const env = { REDIS_URL: redis.url, DABBA_REDIS_PREFIX: 'dabba-outage-test:', DABBA_PRESENCE_TTL_MS: '1500' };
  a = await startTestServer({ ...env, DABBA_NODE_ID: 'node-a' });
  b = await startTestServer({ ...env, DABBA_NODE_ID: 'node-b' });
  [onA, onB] = [await loginAll(a.url), await loginAll(b.url)];
});
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
  await redis.stop();
});

const health = async (server: DabbaServer): Promise<Health> => {
  const res = await getJson<{ presence: string; fanout: string }>(`${server.url}/healthz`);
  return { status: res.status, presence: res.body.presence, fanout: res.body.fanout };
};
const presenceOf = (server: DabbaServer, admin: Session) => async (): Promise<PresenceList> =>
  presenceListSchema.parse((await getJson(`${server.url}/api/presence`, { token: admin.token })).body);
const listed = (list: PresenceList) => list.devices.map((d) => `${d.node}/${d.deviceId}`);

describe('a Redis outage', () => {
  it('leaves sync and orders working on this node’s presence, and presence comes back by itself with Redis', async () => {
    const tablet = await MuxTestClient.connect(a.url, onA.outlet.token, { device: 'tablet-1', app: 'outlet' });
    const inbox = await tablet.open(outletInboxName(OutletIdSchema.parse(DEMO_OUTLET)));
    await pollUntil(presenceOf(b, onB.admin), (l) => listed(l).includes('node-a/tablet-1'), 'the tablet seen from node b');
    expect(await health(a)).toEqual({ status: 200, presence: 'ok', fanout: 'ok' });

    await redis.stop();
    expect(
      await pollUntil(
        () => health(a),
        (h) => h.presence === 'degraded' && h.fanout === 'degraded',
        'node a to report presence and fan-out degraded',
      ),
    ).toEqual({
      status: 200,
      presence: 'degraded',
      fanout: 'degraded',
    });
    const { orderId } = await placeOrder(a.url);
    await pollUntil(
      () => Promise.resolve(inboxOrderIds(inbox)),
      (ids) => ids.includes(orderId),
      'the new order synced to the tablet',
    );
    await appendAs(a.url, onA.outlet, orderId, { type: 'accepted', prepMinutes: 10 });
    const alone = await presenceOf(a, onA.admin)();
    expect(alone.status).toBe('degraded');
    expect(listed(alone)).toContain('node-a/tablet-1');

    // A new Redis on the same port, empty: node a writes its sockets again, node b sees them again.
    await redis.restart();
    await pollUntil(
      () => health(a),
      (h) => h.presence === 'ok' && h.fanout === 'ok',
      'node a to report presence and fan-out ok again',
    );
    const back = await pollUntil(
      presenceOf(b, onB.admin),
      (l) => listed(l).includes('node-a/tablet-1'),
      'the tablet seen from node b again',
    );
    expect(back.status).toBe('ok');
    tablet.close();
  });
});
