import { describe, expect, it } from 'vitest';
import { OutletIdSchema } from '../../../shared/ids';
import { OutletRepo } from '../../../sync-server/storage/outletRepo';
import { DIALECTS, useTestStorage, type Dialect } from '../support/sqlStorage';

const outletId = (id: string): ReturnType<typeof OutletIdSchema.parse> => OutletIdSchema.parse(id);

/** The pattern for every ported repository: the same behaviours, run on each adapter with fresh storage. */
describe.each(DIALECTS)('outlets stored on %s', (dialect: Dialect) => {
  const storage = useTestStorage(dialect);
  const repo = (): OutletRepo => new OutletRepo(storage().db);

  it('lists nothing before any outlet is added', async () => {
    expect(await repo().list()).toEqual([]);
  });

  it('lists outlets by name in byte order: capitals, then lower case, then accented letters', async () => {
    for (const [id, name] of [
      ['o-apple', 'apple'],
      ['o-eclair', 'éclair'],
      ['o-zed', 'Zed'],
      ['o-banana', 'Banana'],
    ] as const) {
      await repo().upsert(outletId(id), name);
    }
    expect(await repo().list()).toEqual([
      { id: 'o-banana', name: 'Banana' },
      { id: 'o-zed', name: 'Zed' },
      { id: 'o-apple', name: 'apple' },
      { id: 'o-eclair', name: 'éclair' },
    ]);
  });

  it('says whether an outlet is stored, by its exact id', async () => {
    await repo().upsert(outletId('dosa-corner'), 'Dosa Corner');
    expect(await repo().exists('dosa-corner')).toBe(true);
    expect(await repo().exists('Dosa-Corner')).toBe(false);
    expect(await repo().exists('idli-house')).toBe(false);
  });

  it('renames an outlet added again, keeping one row and when it was first added', async () => {
    await repo().upsert(outletId('dosa-corner'), 'Dosa Corner');
    const created = await storage().db.selectFrom('outlets').select('created_at').executeTakeFirstOrThrow();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await repo().upsert(outletId('dosa-corner'), 'Dosa Corner 2.0 🥞');
    expect(await repo().list()).toEqual([{ id: 'dosa-corner', name: 'Dosa Corner 2.0 🥞' }]);
    expect(await storage().db.selectFrom('outlets').select('created_at').execute()).toEqual([created]);
  });
});
