import { afterEach, describe, expect, it } from 'vitest';
import { filesOf, spawnListingModules, useLikeADevice } from '../support/loadedModules';
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
    await useLikeADevice(server.url);
    server.process.kill('SIGTERM');
    await server.exited;

    expect(filesOf(loaded(), 'better-sqlite3')).not.toEqual([]);
    expect(filesOf(loaded(), 'ioredis')).toEqual([]);
  });
});
