import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, spawnServer, SQLITE_FILE, tempDataDir } from '../support/server';

/** How starting the server ended: its error (spawnServer throws with the exit code and stderr), or null if it served. */
async function startFailure(dataDir: string): Promise<string | null> {
  try {
    // The file is read only without JWT_SECRET, which a server on PostgreSQL must be given: SQLite in either pass.
    const child = await spawnServer(dataDir, await freePort(), { [SQLITE_FILE]: '1' });
    child.process.kill('SIGKILL');
    await child.exited;
    return null;
  } catch (err: unknown) {
    return String(err);
  }
}

describe('a jwt-secret file in DATA_DIR that is unfit to sign with', () => {
  for (const [what, content, said] of [
    ['empty', '', 'empty'],
    ['short', 'changeme', '8 characters long'],
  ] as const) {
    it(`stops the server with a clear message and a non-zero exit when ${what}`, async () => {
      const dataDir = tempDataDir('jwt-secret');
      fs.writeFileSync(path.join(dataDir, 'jwt-secret'), content);
      const failure = await startFailure(dataDir);
      expect(failure).toMatch(/server exited early \(1\)/);
      expect(failure).toContain(
        `${path.join(dataDir, 'jwt-secret')}: the JWT secret kept there is ${said}; it must be at least 32 characters`,
      );
    });
  }
});
