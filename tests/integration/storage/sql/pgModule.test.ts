import { describe, expect, it } from 'vitest';
import { filesOf, modulesLoadedBy } from '../../support/loadedModules';
import { SQLITE_FILE } from '../../support/server';

describe('the PostgreSQL driver', () => {
  it('is never loaded by a node on SQLite, which keeps pg out of its memory', async () => {
    const loaded = await modulesLoadedBy({ [SQLITE_FILE]: '1' });

    expect(filesOf(loaded, 'better-sqlite3')).not.toEqual([]);
    expect(filesOf(loaded, 'pg')).toEqual([]);
  });
});
