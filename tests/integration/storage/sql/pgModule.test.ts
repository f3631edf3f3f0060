import { afterEach, describe, expect, it } from 'vitest';
import { filesOf, spawnListingModules, useLikeADevice } from '../../support/loadedModules';
import { freePort, SQLITE_FILE, tempDataDir, type ChildServer } from '../../support/server';

const children: ChildServer[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.process.kill('SIGKILL');
});

describe('the PostgreSQL driver', () => {
  it('is never loaded by a node on SQLite, which keeps pg out of its memory', async () => {
    const { server, loaded } = await spawnListingModules(tempDataDir('no-pg'), await freePort(), { [SQLITE_FILE]: '1' });
    children.push(server);
    await useLikeADevice(server.url);
    server.process.kill('SIGTERM');
    await server.exited;

    expect(filesOf(loaded(), 'better-sqlite3')).not.toEqual([]);
    expect(filesOf(loaded(), 'pg')).toEqual([]);
  });
});
