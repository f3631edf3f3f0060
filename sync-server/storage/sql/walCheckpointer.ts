import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import type { Logger } from '../../log';
import type { Db } from '../db';
import { SET_META_ROW } from './metaRow';
import { writeGateOf } from './writeGate';

/** How often the WAL is copied back into the database file, off the main thread. */
export const CHECKPOINT_EVERY_MS = 1_000;
/** SQLite's own default, put back if the checkpointing thread is gone. */
const AUTOCHECKPOINT_PAGES = 1_000;
/** Appends are never held longer than this: a slow disk must not stop every write. */
const HOLD_AT_MOST_MS = 250;
/** The `meta` row the checkpointing thread writes to start the WAL over. */
const WAL_RESTARTED_KEY = 'wal_restarted_at';

/**
 * The checkpointing thread: its own connection to the same file, the result of each request posted back.
 * CommonJS run by `eval`, so the bundled server needs no second file; the driver is the one the server
 * loaded, by path.
 * - `checkpoint`: a PASSIVE checkpoint; it never blocks the server's writes.
 * - `restart`, sent while appends are held: a checkpoint of what is left, then, with every frame copied,
 *   a write of its own. A write that begins with the WAL wholly copied starts it over from its first
 *   frame and syncs its new header: here, that sync happens on this thread, not under an append on the
 *   event loop (where the server's main thread was once caught in it, bench:sync).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 5000 });
db.pragma('synchronous = ' + workerData.synchronous);
let mark = null;
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    if (message === 'restart' && result.checkpointed === result.log) {
      mark ??= db.prepare(workerData.setMetaRow);
      mark.run(workerData.restartedKey, String(Date.now()));
    }
    parentPort.postMessage({ ok: true, log: result.log, checkpointed: result.checkpointed });
  } catch (err) {
    parentPort.postMessage({ ok: false, error: String(err) });
  }
});
`;

const replySchema = z.union([
  z.object({ ok: z.literal(true), log: z.number(), checkpointed: z.number() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
type Reply = z.infer<typeof replySchema>;

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
 * for that long. Here the server's connection never checkpoints; a worker thread does, every second,
 * without stopping writes. Then, with the group commit held for that moment (WriteGate), it copies what
 * was written meanwhile and starts the WAL over itself: under writes that never pause, every checkpoint
 * left frames behind, SQLite never started the WAL over, and it grew as long as the load lasted (480 MB
 * after 40 s at 500 updates/s); under lighter load, the next append started it over and synced it on the
 * event loop. If the thread fails, the server's connection checkpoints again by itself, so the WAL never
 * grows unbounded.
 */
export function startWalCheckpointer(raw: Db, synchronous: 'normal' | 'full', log: Logger, everyMs = CHECKPOINT_EVERY_MS): WalCheckpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      file: raw.name,
      synchronous: synchronous.toUpperCase(),
      restartedKey: WAL_RESTARTED_KEY,
      setMetaRow: SET_META_ROW,
    },
  });
  worker.unref();
  raw.pragma('wal_autocheckpoint = 0');
  const gate = writeGateOf(raw);
  let done = 0;
  let busy = false;
  let stopped = false;
  let answer: ((reply: Reply) => void) | null = null;
  const answered = (reply: Reply): void => {
    const waiting = answer;
    answer = null;
    waiting?.(reply);
  };
  const fallBack = (why: string): void => {
    answered({ ok: false, error: why });
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    log.error('the WAL checkpointing thread stopped; the server checkpoints on its own again', { error: why });
    raw.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  };
  worker.on('message', (message: unknown) => {
    done += 1;
    const parsed = replySchema.safeParse(message);
    const reply: Reply = parsed.success ? parsed.data : { ok: false, error: 'an unreadable answer from the checkpointing thread' };
    if (!reply.ok) log.error('a WAL checkpoint failed; the next one tries again', { error: reply.error });
    answered(reply);
  });
  worker.on('error', (err) => fallBack(String(err)));
  worker.on('exit', (code) => fallBack(`exited with ${code}`));
  const ask = (request: 'checkpoint' | 'restart'): Promise<Reply> =>
    new Promise((resolve) => {
      answer = resolve;
      worker.postMessage(request);
    });
  const restart = (): Promise<unknown> =>
    gate.hold(() => {
      let timeout: NodeJS.Timeout | undefined;
      const limit = new Promise<void>((resolve) => {
        timeout = setTimeout(resolve, HOLD_AT_MOST_MS);
      });
      return Promise.race([ask('restart'), limit]).finally(() => clearTimeout(timeout));
    });
  const round = async (): Promise<void> => {
    const checkpointed = await ask('checkpoint');
    // A WAL of one frame holds only the last restart's own write: nothing was written since.
    if (checkpointed.ok && checkpointed.log > 1 && !stopped) await restart();
  };
  const timer = setInterval(() => {
    if (busy || stopped) return;
    busy = true;
    void round().finally(() => {
      busy = false;
    });
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
