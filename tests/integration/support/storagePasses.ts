import fs from 'node:fs';
import path from 'node:path';

/** Names a test file uses when it picks its storage itself: both dialects in turn, or SQLite on purpose. */
const CHOOSES_ITS_STORAGE = /\b(DIALECTS|openSqliteAt|ChaosWorld)\b/;

/** Names that give a test the pass's storage (DABBA_TEST_STORAGE): servers and storage opened the way the suite runs. */
const FOLLOWS_THE_PASS =
  /\b(startTestServer|spawnServer|openServerStorage|storageEnv|storageTargetOf|TEST_STORAGE)\b|support\/(testServer|dispatchCluster|wakeHarness|statsFixture)'/;

/**
 * Whether a test file runs the same whatever pass of the suite it is in: it chooses its storage itself and
 * never takes the pass's. The PostgreSQL pass leaves such files out, as they already ran on both dialects
 * (or on SQLite by design) in the SQLite pass.
 */
export const choosesItsOwnStorage = (source: string): boolean => CHOOSES_ITS_STORAGE.test(source) && !FOLLOWS_THE_PASS.test(source);

/** The integration test files under `root` that choose their own storage, relative to the working directory. */
export function filesChoosingTheirOwnStorage(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.test.ts') && choosesItsOwnStorage(fs.readFileSync(file, 'utf8'))) found.push(file);
    }
  };
  walk(root);
  return found.sort();
}
