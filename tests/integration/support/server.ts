import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startServer, type DabbaServer, type ServerOverrides } from '../../../sync-server/app';
import { loadConfig } from '../../../sync-server/config';
import type { SqlTarget } from '../../../sync-server/storage/sql/open';
import { createTestDatabase } from './postgres';
import { serverNodeArgs } from '../../../scripts/serverBundle/serverCommand';

export const DEMO_PASSWORD = 'dabba-demo';
export const DEMO_OUTLET = 'demo-outlet';

export function tempDataDir(label = 'dabba'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${label}-`));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The storage servers started here run on: the SQLite file in their DATA_DIR, or with
 * DABBA_TEST_STORAGE=postgres a PostgreSQL database of their own (the suite's second pass).
 */
export const TEST_STORAGE: 'sqlite' | 'postgres' = process.env.DABBA_TEST_STORAGE === 'postgres' ? 'postgres' : 'sqlite';

/** Set in `env` by a test about the SQLite file itself (its bytes, its disk): that server stays on SQLite. */
export const SQLITE_FILE = 'DABBA_TEST_SQLITE_FILE';

const TEST_JWT_SECRET = 'integration-test-secret-0123456789abcdef';
/** One database per DATA_DIR, so a server restarted on the same DATA_DIR finds what it stored. */
const databases = new Map<string, Promise<string>>();

/**
 * What a server on `dataDir` needs besides `env` to use this run's storage; also what a fixture that writes
 * through the server's own code (loadConfig) before it starts, or reads after, needs to find the same storage.
 */
export async function storageEnv(dataDir: string, env: Record<string, string> = {}): Promise<Record<string, string>> {
  if (TEST_STORAGE === 'sqlite' || env[SQLITE_FILE] !== undefined || env.DATABASE_URL !== undefined) return {};
  let url = databases.get(dataDir);
  if (url === undefined) {
    url = createTestDatabase('migrated').then((db) => db.url);
    databases.set(dataDir, url);
  }
  return { DATABASE_URL: await url, JWT_SECRET: TEST_JWT_SECRET };
}

/** Where a test server on `dataDir` stores: its SQLite file or, in the PostgreSQL pass, its own database. */
export async function storageTargetOf(dataDir: string): Promise<SqlTarget> {
  const { DATABASE_URL: url } = await storageEnv(dataDir);
  return url === undefined ? { dialect: 'sqlite', dataDir, sync: 'normal' } : { dialect: 'postgres', url };
}

/** The real server in this process, on a free port with its own DATA_DIR. */
export async function startTestServer(
  env: Record<string, string> = {},
  overrides: ServerOverrides = {},
): Promise<DabbaServer & { dataDir: string }> {
  const dataDir = env.DATA_DIR ?? tempDataDir();
  const storage = await storageEnv(dataDir, env);
  const server = await startServer(
    loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATA_DIR: dataDir, ...storage, ...env }),
    overrides,
  );
  return Object.assign(server, { dataDir });
}

export interface ChildServer {
  readonly url: string;
  readonly port: number;
  readonly process: ChildProcess;
  /** Resolves once the process has exited. */
  readonly exited: Promise<void>;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  /** Everything the process wrote to stdout so far (the welcome, and log lines at LOG_LEVEL). */
  stdout(): string;
}

/**
 * The real server as a child process (the bundle `npm start` runs, see serverNodeArgs), so it can be killed with SIGKILL.
 * It is reached at 127.0.0.1 whatever HOST it binds (tests send traffic to loopback only).
 */
export async function spawnServer(dataDir: string, port: number, env: Record<string, string> = {}): Promise<ChildServer> {
  const storage = await storageEnv(dataDir, env);
  const child = spawn(process.execPath, await serverNodeArgs(), {
    cwd: path.resolve(import.meta.dirname, '../../..'),
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'error', ...storage, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, port, process: child, exited, stderr: () => stderr, stdout: () => stdout };
}
