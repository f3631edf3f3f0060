import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { newEventId } from '../../../shared/ids';
import { REPO_ROOT, spawnServer } from '../serverProcess';
import { createOrders, login } from '../setup';
import { PlainDevice, QUIET } from './plainDevice';

/** Which server a run measures. */
export type TargetName = 'dabba' | 'stock';

/** Where the stock server keeps documents: in memory only, or written to y-leveldb as it runs (`YPERSISTENCE`). */
export type StockStore = 'memory' | 'leveldb';

/** A running server and what its devices need to speak to it. */
export interface Target {
  readonly name: TargetName;
  readonly pid: number;
  /** The stock client's `serverUrl`: the document name is appended to it. */
  readonly serverUrl: string;
  /** Query parameters every device sends (Dabba: the sign-in token). */
  readonly params: Readonly<Record<string, string>>;
  readonly docs: readonly string[];
  /** State each device starts from before its first sync, or null when the server holds the document. */
  readonly seed: Uint8Array | null;
  /** Who the devices write as (Dabba checks each event's author against the token). */
  readonly author: { readonly id: string; readonly role: string };
  readonly setupMs: number;
  exited(): boolean;
  outputTail(): string;
  stop(): Promise<void>;
}

const OUTLET_ACCOUNT = 'outlet@dabba.local';

/**
 * Dabba as `npm start` runs it (auth, validation, durable SQLite commit before relay), its order documents
 * created through POST /api/orders, all devices signed in as the demo outlet's staff.
 */
export async function startDabba(docs: number, cpuProfDir: string | null = null): Promise<Target> {
  const server = await spawnServer({
    env: {
      DABBA_ORDERS_PER_MINUTE: String(Math.max(1000, docs * 2)),
      ...(process.env.DABBA_SQL_STATS ? { DABBA_SQL_STATS: process.env.DABBA_SQL_STATS } : {}),
    },
    cpuProfDir,
  });
  try {
    const started = performance.now();
    const session = await login(server.url, OUTLET_ACCOUNT);
    const names = await createOrders(server.url, docs);
    return {
      name: 'dabba',
      pid: server.pid,
      serverUrl: `${server.url.replace(/^http/, 'ws')}/sync`,
      params: { token: session.token },
      docs: names,
      seed: null,
      author: { id: session.userId, role: session.role },
      setupMs: performance.now() - started,
      exited: server.exited,
      outputTail: server.outputTail,
      stop: server.stop,
    };
  } catch (err: unknown) {
    await server.stop();
    throw err;
  }
}

/**
 * One order document as Dabba holds it right after POST /api/orders, read over the plain protocol: the
 * stock server's documents start from it, so both servers sync and relay documents of the same size.
 */
export async function orderTemplate(): Promise<Uint8Array> {
  const dabba = await startDabba(1);
  try {
    const name = dabba.docs[0] ?? '';
    const device = new PlainDevice(-1, dabba.serverUrl, name, dabba.params, QUIET, null);
    await device.connect();
    const state = Y.encodeStateAsUpdate(device.doc);
    device.close();
    return state;
  } finally {
    await dabba.stop();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const STOCK_SERVER = path.join(REPO_ROOT, 'node_modules/@y/websocket-server/src/server.js');

/**
 * The stock `@y/websocket-server` (`npx y-websocket`): relays whatever it is sent, keeps documents in memory,
 * checks nothing. Its documents are named like Dabba's and start from `seed` on the first device. With
 * `leveldb` it also writes every update to y-leveldb in a fresh directory, as its YPERSISTENCE option does
 * (after relaying it, and without waiting for the disk: persistence, not durability before relay).
 */
export async function startStock(docs: number, seed: Uint8Array, store: StockStore = 'memory'): Promise<Target> {
  const port = await freePort();
  const levelDir = store === 'leveldb' ? fs.mkdtempSync(path.join(os.tmpdir(), 'dabba-bench-yleveldb-')) : null;
  const { YPERSISTENCE: _inherited, ...env } = process.env;
  const child = spawn('/bin/sh', ['-c', 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$@"', 'sh', process.execPath, STOCK_SERVER], {
    cwd: REPO_ROOT,
    env: { ...env, HOST: '127.0.0.1', PORT: String(port), ...(levelDir ? { YPERSISTENCE: levelDir } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('the stock server could not be started');
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 15_000;
  while (!output.includes('running at')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the stock server did not start: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    name: 'stock',
    pid,
    serverUrl: `ws://127.0.0.1:${port}`,
    params: {},
    docs: Array.from({ length: docs }, () => `order:${newEventId()}`),
    seed,
    author: { id: 'bench', role: 'outlet' },
    setupMs: 0,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    outputTail: () => output.trim(),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exit;
      }
      if (levelDir) fs.rmSync(levelDir, { recursive: true, force: true });
    },
  };
}
