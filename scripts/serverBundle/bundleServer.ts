import { build, type OutputFile } from 'esbuild';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** Where `npm run build:server` writes the server that `npm start` and the Docker image run. */
export const SERVER_BUNDLE = path.join(REPO_ROOT, 'dist-server', 'main.mjs');

/**
 * The sync server as one ES module and its source map, for `outfile` (returned, not written): our code
 * (sync-server/, shared/) bundled, packages left to node_modules (better-sqlite3 is native), so `outfile`
 * must sit inside the repository for them to resolve. Loading it takes well under a second, where
 * `node --import tsx sync-server/main.ts` took 3–10 s on the 2-core machine: tsx transforms and resolves
 * each of the server's modules through loader hooks on every start, and every start paid it: a deploy, a
 * node taking over from a dead one, each test's server.
 */
export async function bundleServer(outfile: string): Promise<OutputFile[]> {
  const result = await build({
    entryPoints: [path.join(REPO_ROOT, 'sync-server', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles;
}
