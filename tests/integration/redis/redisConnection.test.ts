import { afterEach, describe, expect, it } from 'vitest';
import { orderDocName } from '../../../shared/docNames';
import { login, placeOrder } from '../support/api';
import { filesOf, spawnListingModules } from '../support/loadedModules';
import { MuxTestClient } from '../support/muxClient';
import { freePort, tempDataDir, type ChildServer } from '../support/server';

const children: ChildServer[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.process.kill('SIGKILL');
});

describe('the Redis connection', () => {
  it('is never loaded by a node without REDIS_URL, which keeps ioredis out of its memory', async () => {
    expect(process.env.REDIS_URL, 'this test starts a node without REDIS_URL').toBeUndefined();
    const { server, loaded } = await spawnListingModules(tempDataDir('no-redis'), await freePort());
    children.push(server);
    // Signed in, an order placed and synced: the paths that would reach for Redis (sign-in throttle, rate
    // limits, presence, fan-out) have all run.
    const outlet = await login(server.url, 'outlet');
    const name = orderDocName((await placeOrder(server.url)).orderId);
    const tablet = await MuxTestClient.connect(server.url, outlet.token);
    await tablet.subscribe(name);
    tablet.close();
    server.process.kill('SIGTERM');
    await server.exited;

    expect(filesOf(loaded(), 'better-sqlite3')).not.toEqual([]);
    expect(filesOf(loaded(), 'ioredis')).toEqual([]);
  });
});
