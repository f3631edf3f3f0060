import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { orderDocName } from '../../../shared/docNames';
import { login, placeOrder } from './api';
import { MuxTestClient } from './muxClient';
import { freePort, spawnServer, tempDataDir } from './server';

/** Preloaded into the server: at exit it writes every CommonJS module the process loaded, by path. */
const PRELOAD = `
const fs = require('node:fs');
process.on('exit', () => fs.writeFileSync(process.env.LOADED_MODULES_FILE, JSON.stringify(Object.keys(require.cache))));
`;

/**
 * The files of the CommonJS modules the real server loaded (a child process, spawnServer, on a fresh
 * DATA_DIR with `env`) through a day's first minute (useLikeADevice) and a graceful stop: packages a
 * configuration keeps out must not be among them.
 */
export async function modulesLoadedBy(env: Record<string, string> = {}): Promise<string[]> {
  const tools = tempDataDir('loaded-modules');
  const preload = path.join(tools, 'preload.cjs');
  const written = path.join(tools, 'loaded.json');
  fs.writeFileSync(preload, PRELOAD);
  const server = await spawnServer(tempDataDir('listed'), await freePort(), {
    ...env,
    NODE_OPTIONS: `--require ${preload}`,
    LOADED_MODULES_FILE: written,
  });
  try {
    await useLikeADevice(server.url);
    server.process.kill('SIGTERM');
    await server.exited;
  } finally {
    server.process.kill('SIGKILL');
  }
  return z.array(z.string()).parse(JSON.parse(fs.readFileSync(written, 'utf8')));
}

/** The files of `loaded` that belong to the package `name`. */
export const filesOf = (loaded: readonly string[], name: string): string[] =>
  loaded.filter((file) => file.includes(`${path.sep}node_modules${path.sep}${name}${path.sep}`));

/**
 * What a day's first minute asks of a node: an outlet signs in, an order is placed, the tablet syncs it,
 * the node's health is read. Sign-in throttle, rate limits, presence, fan-out and storage checks have run.
 */
async function useLikeADevice(url: string): Promise<void> {
  const outlet = await login(url, 'outlet');
  const name = orderDocName((await placeOrder(url)).orderId);
  const tablet = await MuxTestClient.connect(url, outlet.token);
  await tablet.subscribe(name);
  tablet.close();
  const health = await fetch(`${url}/healthz`);
  if (!health.ok) throw new Error(`/healthz answered ${health.status}`);
}
