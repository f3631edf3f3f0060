import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../../log';
import type { Db } from '../db';

/** How often the WAL is copied back into the database file, off the main thread. */
export const CHECKPOINT_EVERY_MS = 1_000;
/** SQLite's own default, put back if the checkpointing thread is gone. */
const AUTOCHECKPOINT_PAGES = 1_000;

/**
 * The checkpointing thread: its own connection to the same file, a PASSIVE checkpoint per request
 * (it never blocks the server's writes), the result posted back. CommonJS run by `eval`, so the bundled
 * server needs no second file; the driver is the one the server loaded, by path.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 5000 });
db.pragma('synchronous = ' + workerData.synchronous);
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true, result });
  } catch (err) {
    parentPort.postMessage({ ok: false, error: String(err) });
  }
});
`;

export interface WalCheckpointer {
  /** Checkpoints asked for and done (tests, metrics). */
  readonly done: () => number;
  /** Stops the thread; the connection that closes last checkpoints what is left, as SQLite always does. */
  stop(): Promise<void>;
}

/**
 * Moves SQLite's WAL checkpoints off the event loop. With the default autocheckpoint, every thousandth
 * page written made one commit copy the WAL into the database file and sync it: 45 commits in a
 * 10-second bench:sync run took 1 to 13 ms each, half of all commit time, and each held every socket up
 * for that long. Here the server's connection never checkpoints; a worker thread does, every second.
 * If the thread fails, the server's connection checkpoints again by itself, so the WAL never grows unbounded.
 */
export function startWalCheckpointer(raw: Db, synchronous: 'normal' | 'full', log: Logger, everyMs = CHECKPOINT_EVERY_MS): WalCheckpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      file: raw.name,
      synchronous: synchronous.toUpperCase(),
    },
  });
  worker.unref();
  raw.pragma('wal_autocheckpoint = 0');
  let done = 0;
  let busy = false;
  let stopped = false;
  const fallBack = (why: string): void => {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    log.error('the WAL checkpointing thread stopped; the server checkpoints on its own again', { error: why });
    raw.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  };
  worker.on('message', (message: unknown) => {
    busy = false;
    done += 1;
    if (typeof message === 'object' && message !== null && 'ok' in message && message.ok === false) {
      log.error('a WAL checkpoint failed; the next one tries again', { error: 'error' in message ? String(message.error) : 'unknown' });
    }
  });
  worker.on('error', (err) => fallBack(String(err)));
  worker.on('exit', (code) => fallBack(`exited with ${code}`));
  const timer = setInterval(() => {
    if (busy || stopped) return;
    busy = true;
    worker.postMessage('checkpoint');
  }, everyMs);
  timer.unref();
  return {
    done: () => done,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      // Held while it closes: unreferenced, a process with nothing else to do would exit under the await.
      worker.ref();
      worker.postMessage('close');
      await exited;
    },
  };
}
