import { afterEach, describe, expect, it } from 'vitest';
import { platformSchema, type OutletBacklog } from '../../../shared/api/adminPlatform';
import { presenceListSchema, type PresenceList } from '../../../shared/api/presence';
import type { DabbaServer } from '../../../sync-server/app';
import { login, loginAll, type Session } from '../support/api';
import { getJson, putJson } from '../support/http';
import { MuxTestClient } from '../support/muxClient';
import { pollUntil } from '../support/poll';
import { SHARED_REDIS, useRedisPrefixes } from '../support/redisPrefixes';
import { DEMO_OUTLET, freePort, spawnServer, startTestServer, tempDataDir, type ChildServer } from '../support/server';

const testPrefix = useRedisPrefixes();
const servers: DabbaServer[] = [];
const children: ChildServer[] = [];
const sockets: MuxTestClient[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  for (const child of children.splice(0)) {
    child.process.kill('SIGKILL');
    await child.exited;
  }
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** Redis settings for the nodes of one test: the shared Redis, under a namespace of the test's own. */
function redisEnv(ttlMs = 30_000): Record<string, string> {
  return { REDIS_URL: SHARED_REDIS, DABBA_REDIS_PREFIX: testPrefix(), DABBA_PRESENCE_TTL_MS: String(ttlMs) };
}

async function node(env: Record<string, string>): Promise<DabbaServer> {
  const server = await startTestServer(env);
  servers.push(server);
  return server;
}

async function device(baseUrl: string, session: Session, identity: Record<string, string>): Promise<MuxTestClient> {
  const socket = await MuxTestClient.connect(baseUrl, session.token, identity);
  sockets.push(socket);
  return socket;
}

const presenceOf = (baseUrl: string, admin: Session) => async (): Promise<PresenceList> =>
  presenceListSchema.parse((await getJson(`${baseUrl}/api/presence`, { token: admin.token })).body);
const demoOutletOf = (baseUrl: string, admin: Session) => async (): Promise<{ at: number; backlog: OutletBacklog | undefined }> => {
  const platform = platformSchema.parse((await getJson(`${baseUrl}/api/admin/platform`, { token: admin.token })).body);
  return { at: platform.at, backlog: platform.outlets.find((o) => o.outletId === DEMO_OUTLET) };
};
const nodesAndDevices = (list: PresenceList) => list.devices.map((d) => `${d.node}/${d.deviceId}`).sort();

describe('presence shared through Redis', () => {
  it('lets two servers on one Redis list each other’s devices', async () => {
    const env = redisEnv();
    const a = await node({ ...env, DABBA_NODE_ID: 'node-a' });
    const b = await node({ ...env, DABBA_NODE_ID: 'node-b' });
    const [onA, onB] = [await loginAll(a.url), await loginAll(b.url)];
    await device(a.url, onA.outlet, { device: 'tablet-1', app: 'outlet' });
    await device(b.url, onB.driver, { device: 'phone-1', app: 'driver' });
    const both = ['node-a/tablet-1', 'node-b/phone-1'];
    const fromA = await pollUntil(presenceOf(a.url, onA.admin), (l) => nodesAndDevices(l).length === 2, 'both devices from node a');
    expect(fromA.status).toBe('ok');
    expect(nodesAndDevices(fromA)).toEqual(both);
    expect(
      nodesAndDevices(await pollUntil(presenceOf(b.url, onB.admin), (l) => l.devices.length === 2, 'both devices from node b')),
    ).toEqual(both);
  });

  it('lets the devices of a server killed with SIGKILL expire after the TTL, an outlet’s last heard at its last heartbeat', async () => {
    const env = redisEnv(1_000);
    const watcher = await node({ ...env, DABBA_NODE_ID: 'node-watching' });
    const admin = await login(watcher.url, 'admin');
    const port = await freePort();
    const doomed = await spawnServer(tempDataDir(), port, { ...env, DABBA_NODE_ID: 'node-killed' });
    children.push(doomed);
    await device(doomed.url, await login(doomed.url, 'outlet'), { device: 'tablet-1', app: 'outlet' });
    const listed = await pollUntil(presenceOf(watcher.url, admin), (l) => l.devices.length === 1, 'the killed node’s tablet listed first');
    // Heartbeats (every third of the TTL) meanwhile say the tablet is still heard.
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    doomed.process.kill('SIGKILL');
    await doomed.exited;
    // No one removed its entries: they go when their TTL runs out with no heartbeat behind it.
    const after = await pollUntil(presenceOf(watcher.url, admin), (l) => l.devices.length === 0, 'the dead node’s tablet to expire');
    expect(after.status).toBe('ok');
    const { backlog } = await demoOutletOf(watcher.url, admin)();
    expect(backlog?.lastHeardAt).toBeGreaterThan((listed.devices[0]?.connectedAt ?? Infinity) + 1_000);
  });

  it('lets every node read an outlet tablet’s unsynced report, whichever node it reported through, and when it was last heard', async () => {
    const env = redisEnv();
    const a = await node({ ...env, DABBA_NODE_ID: 'node-a' });
    const b = await node({ ...env, DABBA_NODE_ID: 'node-b' });
    const [onA, onB] = [await loginAll(a.url), await loginAll(b.url)];
    const tablet = await device(a.url, onA.outlet, { device: 'tablet-1', app: 'outlet', unsynced: String(10 * 60_000) });
    const fromB = await pollUntil(demoOutletOf(b.url, onB.admin), (r) => r.backlog?.connected === 1, 'the tablet from node b');
    expect(fromB.backlog?.oldest).toMatchObject({ deviceId: 'tablet-1', connected: true });
    expect(fromB.at - (fromB.backlog?.oldest?.at ?? 0)).toBeGreaterThanOrEqual(10 * 60_000);
    expect(fromB.at - (fromB.backlog?.oldest?.at ?? 0)).toBeLessThan(10 * 60_000 + 5_000);

    // Acknowledged at last: the tablet says so through node b, and node a (which holds its socket) sees it.
    const put = await putJson(`${b.url}/api/presence/unsynced`, { deviceId: 'tablet-1', oldestAgeMs: null }, { token: onB.outlet.token });
    expect(put.status).toBe(204);
    await pollUntil(demoOutletOf(a.url, onA.admin), (r) => r.backlog?.oldest === null, 'node a to read the newer report');

    tablet.close();
    const gone = await pollUntil(demoOutletOf(b.url, onB.admin), (r) => r.backlog?.connected === 0, 'the tablet gone, from node b');
    expect(gone.backlog?.lastHeardAt).toBeGreaterThan(0);
    expect(gone.backlog?.unseenSince?.deviceId).toBe('tablet-1');
  });
});
