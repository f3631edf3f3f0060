import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AppBudget } from './budgets';
import { viteManifestSchema, type BuildFacts } from './measure';

const SCRIPT = /\.m?js$/;

function scriptFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => SCRIPT.test(file))
    .map((file) => file.split(path.sep).join('/'));
}

/** Reads dist/: the Vite manifest, every budgeted or entry page that exists, and the gzip size of every script. */
export function readBuild(dist: string, budgets: readonly AppBudget[]): BuildFacts {
  const manifest = viteManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8')));
  const pages = new Map<string, string>();
  const candidates = new Set([...budgets.map((b) => b.page), ...Object.keys(manifest).filter((key) => key.endsWith('.html'))]);
  for (const page of candidates) {
    const file = path.join(dist, page);
    if (fs.existsSync(file)) pages.set(page, fs.readFileSync(file, 'utf8'));
  }
  const gzipBytes = new Map<string, number>();
  for (const file of scriptFiles(dist)) {
    gzipBytes.set(file, zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length);
  }
  return { manifest, pages, gzipBytes };
}
