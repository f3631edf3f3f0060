import { describe, expect, it } from 'vitest';
import { filesOf, modulesLoadedBy } from '../support/loadedModules';

describe('the Redis connection', () => {
  it('is never loaded by a node without REDIS_URL, which keeps ioredis out of its memory', async () => {
    expect(process.env.REDIS_URL, 'this test starts a node without REDIS_URL').toBeUndefined();
    const loaded = await modulesLoadedBy();

    expect(filesOf(loaded, 'better-sqlite3')).not.toEqual([]);
    expect(filesOf(loaded, 'ioredis')).toEqual([]);
  });
});
