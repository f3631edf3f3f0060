import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serverNodeArgs } from '../../scripts/serverBundle/serverCommand';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  readonly dataDir: string;
  /** The last lines the server wrote to stdout and stderr (LOG_LEVEL=info: start, stop and errors). */
  outputTail(): string;
  /** True once the process has exited. */
  exited(): boolean;
  /** Exit code or signal, once exited. */
  exitStatus(): string;
  /** SIGTERM (graceful: the server closes sockets, compacts, writes a --cpu-prof profile), SIGKILL after 15 s. */
  stop(): Promise<void>;
}

/** The url from the server's `{"msg":"listening","url":...}` log line, once it has been written. */
function listeningUrl(output: string): string | null {
  for (const line of output.split('\n')) {
    if (!line.includes('"listening"')) continue;
    try {
      const entry = JSON.parse(line) as { msg?: unknown; url?: unknown };
      if (entry.msg === 'listening' && typeof entry.url === 'string') return entry.url;
    } catch {
      // a partial line; read again later
    }
  }
  return null;
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/healthz`)).ok;
  } catch {
    return false;
  }
}

export interface ServerSpawnOptions {
  /** Extra server env (DABBA_* knobs). */
  readonly env?: Readonly<Record<string, string>>;
  /** Run under `node --cpu-prof` and write the profile here. */
  readonly cpuProfDir?: string | null;
}

/**
 * The real server as a child process (the bundle `npm start` runs, see serverNodeArgs) with PORT=0 (the port it got is
 * read from its `listening` log line) and a fresh DATA_DIR, its file-descriptor limit raised to the hard limit
 * so it can hold thousands of sockets.
 */
export async function spawnServer(options: ServerSpawnOptions = {}): Promise<ServerProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dabba-bench-'));
  const prof = options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(options.cpuProfDir)}`] : [];
  const child: ChildProcess = spawn(
    '/bin/sh',
    ['-c', 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$@"', 'sh', process.execPath, ...prof, ...(await serverNodeArgs())],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error('the server could not be started');
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stderr?.on('data', keep);
  child.stdout?.on('data', keep);
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 30_000;
  let url: string | null = null;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}): ${output}`);
    url ??= listeningUrl(output);
    if (url !== null && (await healthy(url))) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start within 30 s: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid,
    dataDir,
    outputTail: () => output.trim(),
    exited: () => child.exitCode !== null || child.signalCode !== null,
    exitStatus: () => (child.signalCode !== null ? `signal ${child.signalCode}` : `code ${String(child.exitCode)}`),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exit;
        clearTimeout(force);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
