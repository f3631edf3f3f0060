import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { spawnServer, tempDataDir, type ChildServer } from './server';

/** Preloaded into the server: at exit it writes every CommonJS module the process loaded, by path. */
const PRELOAD = `
const fs = require('node:fs');
process.on('exit', () => fs.writeFileSync(process.env.LOADED_MODULES_FILE, JSON.stringify(Object.keys(require.cache))));
`;

export interface ListingServer {
  readonly server: ChildServer;
  /** After the server exited: the files of the CommonJS modules it loaded. */
  loaded(): string[];
}

/** The real server as a child process (spawnServer), listing at exit what it loaded: packages a configuration keeps out. */
export async function spawnListingModules(dataDir: string, port: number, env: Record<string, string> = {}): Promise<ListingServer> {
  const tools = tempDataDir('loaded-modules');
  const preload = path.join(tools, 'preload.cjs');
  const written = path.join(tools, 'loaded.json');
  fs.writeFileSync(preload, PRELOAD);
  const server = await spawnServer(dataDir, port, { ...env, NODE_OPTIONS: `--require ${preload}`, LOADED_MODULES_FILE: written });
  return { server, loaded: () => z.array(z.string()).parse(JSON.parse(fs.readFileSync(written, 'utf8'))) };
}

/** The files of `loaded` that belong to the package `name`. */
export const filesOf = (loaded: readonly string[], name: string): string[] =>
  loaded.filter((file) => file.includes(`${path.sep}node_modules${path.sep}${name}${path.sep}`));
