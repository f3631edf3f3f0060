import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { bundleServer, REPO_ROOT } from './bundleServer';

/** Under node_modules/ so that the bundle's packages resolve from it. */
const CACHE = path.join(REPO_ROOT, 'node_modules', '.cache', 'dabba-server');
const KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * Writes the bundle to CACHE/<hash of its contents>/ unless it is there: processes bundling the same
 * source share one copy, each file is written under a name of its own and renamed into place (whole or
 * absent, whoever wins), and copies unused for a day go. A process that is killed leaves nothing behind.
 */
async function cachedBundle(): Promise<string> {
  const files = await bundleServer(path.join(CACHE, 'pending', 'main.mjs'));
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.contents);
  const dir = path.join(CACHE, hash.digest('hex').slice(0, 16));
  const main = path.join(dir, 'main.mjs');
  if (!fs.existsSync(main)) {
    fs.mkdirSync(dir, { recursive: true });
    // The map before the module: a module that exists is complete.
    const isMap = (file: { path: string }): boolean => file.path.endsWith('.map');
    for (const file of [...files.filter(isMap), ...files.filter((f) => !isMap(f))]) {
      const target = path.join(dir, path.basename(file.path));
      const temp = `${target}.${process.pid}.tmp`;
      fs.writeFileSync(temp, file.contents);
      fs.renameSync(temp, target);
    }
  }
  const now = Date.now();
  fs.utimesSync(dir, new Date(now), new Date(now));
  for (const entry of fs.readdirSync(CACHE, { withFileTypes: true })) {
    const other = path.join(CACHE, entry.name);
    if (entry.isDirectory() && other !== dir && now - fs.statSync(other).mtimeMs > KEEP_MS)
      fs.rmSync(other, { recursive: true, force: true });
  }
  return main;
}

let bundled: Promise<string> | null = null;

/**
 * The Node arguments that run the sync server as the source is now, bundled once per process (under a
 * second). Tests and benches start servers this way, as `npm start` does, never from a `dist-server/`
 * that may be older than the code under test.
 */
export async function serverNodeArgs(): Promise<string[]> {
  bundled ??= cachedBundle();
  return ['--enable-source-maps', await bundled];
}
