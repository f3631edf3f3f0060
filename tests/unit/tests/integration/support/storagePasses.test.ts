import { describe, expect, it } from 'vitest';
import { choosesItsOwnStorage, filesChoosingTheirOwnStorage } from '../../../../integration/support/storagePasses';

describe('which integration files the PostgreSQL pass leaves out', () => {
  it('leaves out a file that runs both dialects itself, or SQLite on purpose, and opens nothing the pass decides', () => {
    expect(choosesItsOwnStorage("import { DIALECTS, useTestStorage } from '../support/sqlStorage';")).toBe(true);
    expect(choosesItsOwnStorage("const storage = await openSqliteAt(tempDataDir('adversarial'));")).toBe(true);
    expect(choosesItsOwnStorage('const world = new ChaosWorld(shape);')).toBe(true);
  });

  it('keeps a file that also starts a server or opens storage the way the pass says', () => {
    expect(choosesItsOwnStorage('describe.each(DIALECTS)(…); const server = await startTestServer({});')).toBe(false);
    expect(choosesItsOwnStorage('DIALECTS; await spawnServer(dir, port);')).toBe(false);
    expect(choosesItsOwnStorage("DIALECTS; import { useTestServer } from '../support/testServer';")).toBe(false);
    expect(choosesItsOwnStorage('DIALECTS; await openServerStorage(dataDir);')).toBe(false);
  });

  it('keeps a file that never says which storage it wants: it runs on the pass’s', () => {
    expect(choosesItsOwnStorage('const server = await startTestServer({ DATA_DIR: dataDir });')).toBe(false);
    expect(choosesItsOwnStorage('expect(1).toBe(1);')).toBe(false);
  });

  it('finds the repository files of both dialects and keeps the mixed ones in both passes', () => {
    const files = filesChoosingTheirOwnStorage('tests/integration');
    expect(files).toContain('tests/integration/storage/docStore.test.ts');
    expect(files).toContain('tests/integration/sync/chaos/inProcessChaos.test.ts');
    expect(files).not.toContain('tests/integration/projections/trackReprojection.test.ts');
    expect(files).not.toContain('tests/integration/storage/storageHealth.test.ts');
  });
});
