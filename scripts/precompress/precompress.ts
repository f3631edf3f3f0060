import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Text the browser downloads: compression halves it or better. Images and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt|xml)$/;
/** Below a packet or so, a compressed copy saves no round trip and costs a file. */
const MIN_BYTES = 1024;

export interface Compressed {
  readonly file: string;
  readonly bytes: number;
  readonly brotli: number;
  readonly gzip: number;
}

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

/**
 * Writes `<file>.br` (quality 11) and `<file>.gz` (level 9) beside every compressible file of a build, for
 * the server to send as they are (`serveStatic({precompressed})`): the most compact encodings, paid for
 * once at build time rather than per request. A copy no smaller than the file is not written.
 */
export async function precompressDir(dir: string): Promise<Compressed[]> {
  const done: Compressed[] = [];
  for await (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const raw = await fs.readFile(file);
    if (raw.length < MIN_BYTES) continue;
    const [br, gz] = await Promise.all([
      brotli(raw, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        },
      }),
      gzip(raw, { level: zlib.constants.Z_BEST_COMPRESSION }),
    ]);
    if (br.length < raw.length) await fs.writeFile(`${file}.br`, br);
    if (gz.length < raw.length) await fs.writeFile(`${file}.gz`, gz);
    done.push({ file: path.relative(dir, file), bytes: raw.length, brotli: br.length, gzip: gz.length });
  }
  return done;
}
