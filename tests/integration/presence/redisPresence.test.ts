import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { DeviceIdSchema } from '../../../shared/api/devices';
import type { LiveDevice } from '../../../shared/api/presence';
import { OutletIdSchema, UserIdSchema } from '../../../shared/ids';
import { systemClock } from '../../../sync-server/clock';
import type { Logger } from '../../../sync-server/log';
import type { SocketPresence } from '../../../sync-server/presence/presence';
import { PresenceKeys } from '../../../sync-server/presence/presenceKeys';
import { RedisOutletDevices } from '../../../sync-server/presence/redisOutletDevices';
import { RedisPresence } from '../../../sync-server/presence/redisPresence';
import { pollUntil } from '../support/poll';
import { SHARED_REDIS, useRedisPrefixes } from '../support/redisPrefixes';
import { RedisChild } from '../support/redisServer';
import { freePort } from '../support/server';

const OUTLET = OutletIdSchema.parse('outlet-1');
const COOK = UserIdSchema.parse('cook');
const RIDER = UserIdSchema.parse('rider');
const TABLET: SocketPresence = {
  userId: COOK,
  role: 'outlet',
  outletId: OUTLET,
  app: 'outlet',
  deviceId: DeviceIdSchema.parse('tablet-1'),
};
const TABLET_DEVICE = { deviceId: DeviceIdSchema.parse('tablet-1'), outletId: OUTLET };
const PHONE: SocketPresence = { userId: RIDER, role: 'driver', outletId: null, app: 'driver', deviceId: DeviceIdSchema.parse('phone-1') };

const open: RedisPresence[] = [];
const testPrefix = useRedisPrefixes();
afterEach(async () => {
  await Promise.all(open.splice(0).map((p) => p.close()));
});

function recordingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(m), error: (m) => lines.push(m) };
}

/** A node's presence; nodes given the same prefix share one Redis namespace, each test its own. */
async function node(name: string, prefix: string, o: { url?: string; ttlMs?: number; log?: Logger } = {}): Promise<RedisPresence> {
  const presence = new RedisPresence({
    url: o.url ?? SHARED_REDIS,
    prefix,
    ttlMs: o.ttlMs ?? 30_000,
    node: name,
    clock: systemClock,
    log: o.log ?? recordingLog(),
  });
  open.push(presence);
  await presence.started();
  return presence;
}

/** Waits until `presence` lists `count` devices. */
const listsSoon = (presence: RedisPresence, count: number, what: string) =>
  pollUntil(
    () => presence.list(),
    (d) => d.length === count,
    what,
  );
const deviceIds = (devices: LiveDevice[]) => devices.map((d) => `${d.node}/${d.deviceId}`).sort();

describe('RedisPresence', () => {
  it('lets two nodes on one Redis see each other’s devices, by user, by outlet and in the list', async () => {
    const prefix = testPrefix();
    const [a, b] = [await node('node-a', prefix), await node('node-b', prefix)];
    a.connect(TABLET);
    b.connect(PHONE);
    expect(a.status()).toBe('ok');
    await pollUntil(
      () => b.devicesOfOutlet(OUTLET),
      (d) => d.length === 1,
      'the tablet seen from node b',
    );
    expect(await b.devicesOfOutlet(OUTLET)).toEqual([expect.objectContaining({ ...TABLET, node: 'node-a' })]);
    expect(deviceIds(await a.devicesOfUser(RIDER))).toEqual(['node-b/phone-1']);
    expect(deviceIds(await a.list())).toEqual(['node-a/tablet-1', 'node-b/phone-1']);
  });

  it('takes a closed socket off every node', async () => {
    const prefix = testPrefix();
    const [a, b] = [await node('node-a', prefix), await node('node-b', prefix)];
    const tablet = a.connect(TABLET);
    await listsSoon(b, 1, 'the tablet seen from node b');
    tablet.remove();
    await listsSoon(b, 0, 'the tablet gone from node b');
    expect(await a.list()).toEqual([]);
  });

  it('lets the entries of a node that stopped heartbeating expire after the TTL', async () => {
    const prefix = testPrefix();
    const dying = await node('node-dying', prefix, { ttlMs: 600 });
    const watcher = await node('node-watching', prefix, { ttlMs: 600 });
    dying.connect(TABLET);
    await listsSoon(watcher, 1, 'the tablet seen from the watcher');
    // Stops without removing its sockets, as a killed process would.
    await dying.close();
    await listsSoon(watcher, 0, 'the dead node’s tablet to expire');
  });

  it('keeps a live node’s entries listed past the TTL by its heartbeat', async () => {
    const prefix = testPrefix();
    const live = await node('node-live', prefix, { ttlMs: 1_000 });
    const watcher = await node('node-watching', prefix, { ttlMs: 1_000 });
    live.connect(PHONE);
    await listsSoon(watcher, 1, 'the phone seen from the watcher');
    // Every read over three TTLs must list it: each entry would have expired twice without the heartbeat.
    const until = Date.now() + 3 * 1_000;
    while (Date.now() < until) {
      expect(deviceIds(await watcher.list())).toEqual(['node-live/phone-1']);
      await new Promise((r) => setTimeout(r, 50));
    }
  });

  it('does not list sockets a node held before it restarted under the same id', async () => {
    const prefix = testPrefix();
    const before = await node('node-a', prefix);
    before.connect(TABLET);
    const watcher = await node('node-b', prefix);
    await listsSoon(watcher, 1, 'the tablet seen from node b');
    await before.close();
    const after = await node('node-a', prefix);
    expect(await after.list()).toEqual([]);
  });

  it('shares driver positions, keeping the newest by device time whichever node wrote last', async () => {
    const prefix = testPrefix();
    const [a, b] = [await node('node-a', prefix), await node('node-b', prefix)];
    await a.record(RIDER, { lat: 12.97, lng: 77.64, at: 2_000, accuracy: 8 });
    await pollUntil(
      () => b.position(RIDER),
      (p) => p !== null,
      'the position seen from node b',
    );
    await b.record(RIDER, { lat: 1, lng: 1, at: 1_000, accuracy: null });
    const fresh = await node('node-c', prefix);
    await pollUntil(
      () => a.position(RIDER),
      (p) => p?.at === 2_000,
      'the newest position on node a',
    );
    expect(await fresh.position(RIDER)).toEqual({ lat: 12.97, lng: 77.64, at: 2_000, accuracy: 8 });
  });

  it('with Redis unreachable, lists its own sockets, says degraded, and logs it once', async () => {
    const log = recordingLog();
    const presence = await node('node-a', testPrefix(), { url: `redis://127.0.0.1:${await freePort()}`, log });
    const tablet = presence.connect(TABLET);
    await presence.record(RIDER, { lat: 1, lng: 2, at: 3, accuracy: null });
    expect(presence.status()).toBe('degraded');
    expect(deviceIds(await presence.list())).toEqual(['node-a/tablet-1']);
    expect(await presence.position(RIDER)).toEqual({ lat: 1, lng: 2, at: 3, accuracy: null });
    tablet.remove();
    expect(await presence.list()).toEqual([]);
    expect(log.lines.filter((l) => l.startsWith('presence degraded'))).toHaveLength(1);
  });

  it('comes back by itself when Redis returns, registering its sockets again', async () => {
    const redis = await RedisChild.start();
    try {
      const log = recordingLog();
      const prefix = testPrefix();
      const a = await node('node-a', prefix, { url: redis.url, log });
      const b = await node('node-b', prefix, { url: redis.url });
      a.connect(TABLET);
      await listsSoon(b, 1, 'the tablet seen from node b');
      await redis.stop();
      await pollUntil(
        () => Promise.resolve(a.status()),
        (s) => s === 'degraded',
        'presence to degrade',
      );
      a.connect(PHONE);
      expect(deviceIds(await a.list())).toEqual(['node-a/phone-1', 'node-a/tablet-1']);
      // The new Redis remembers nothing: node a must write its sockets again for node b to see them.
      await redis.restart();
      await pollUntil(
        () => Promise.resolve(a.status()),
        (s) => s === 'ok',
        'presence to recover',
      );
      await listsSoon(b, 2, 'both of node a’s devices seen from node b');
      expect(log.lines.filter((l) => l.startsWith('presence degraded'))).toHaveLength(1);
      expect(log.lines.filter((l) => l.startsWith('presence recovered'))).toHaveLength(1);
    } finally {
      await Promise.all(open.splice(0).map((p) => p.close()));
      await redis.stop();
    }
  });

  it('keeps the newer of two outlet device records in Redis, whichever is written last', async () => {
    const redis = new Redis(SHARED_REDIS);
    try {
      const shared = new RedisOutletDevices(redis, new PresenceKeys(testPrefix()));
      await shared.put({ reports: [{ ...TABLET_DEVICE, oldest: 'none', at: 2_000 }], contacts: [{ ...TABLET_DEVICE, at: 2_000 }] });
      await shared.put({ reports: [{ ...TABLET_DEVICE, oldest: 500, at: 1_000 }], contacts: [{ ...TABLET_DEVICE, at: 1_000 }] });
      expect(await shared.read(3_000)).toEqual({
        reports: [{ ...TABLET_DEVICE, oldest: 'none', at: 2_000 }],
        contacts: [{ ...TABLET_DEVICE, at: 2_000 }],
      });
    } finally {
      await redis.quit();
    }
  });

  it('sends an outlet device’s report made while Redis was away once it returns', async () => {
    const redis = await RedisChild.start();
    try {
      const prefix = testPrefix();
      const a = await node('node-a', prefix, { url: redis.url, ttlMs: 1_000 });
      const b = await node('node-b', prefix, { url: redis.url, ttlMs: 1_000 });
      await redis.stop();
      await pollUntil(
        () => Promise.resolve(a.status()),
        (s) => s === 'degraded',
        'presence to degrade',
      );
      a.reportUnsynced(TABLET_DEVICE, 60_000);
      expect((await a.outletDeviceRecords()).reports).toEqual([expect.objectContaining({ deviceId: 'tablet-1' })]);
      await redis.restart();
      const seen = await pollUntil(
        () => b.outletDeviceRecords(),
        (r) => r.reports.length === 1,
        'the report seen from node b',
      );
      expect(seen.reports[0]?.oldest).toBeTypeOf('number');
    } finally {
      await Promise.all(open.splice(0).map((p) => p.close()));
      await redis.stop();
    }
  });
});
