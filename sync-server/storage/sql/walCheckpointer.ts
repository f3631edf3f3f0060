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
 *   event loop (where the server's main thread was once caught in it, bench:sync). Not once the server
 *   gave up holding appends for it (`givenUp` holds that request's id): appends go on by then, and one
 *   that began while this thread wrote would wait for it on the event loop (busy_timeout).
 * Each request carries an id its answer repeats, so an answer that comes after the server stopped
 * waiting for it is never taken for the answer to a later request.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 5000 });
db.pragma('synchronous = ' + workerData.synchronous);
const givenUp = new Int32Array(workerData.givenUp);
let begin = null, mark = null, commit = null, rollback = null;
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  const { id, kind } = message;
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    let restarted = false;
    if (kind === 'restart' && result.checkpointed === result.log) {
      begin ??= db.prepare('BEGIN IMMEDIATE');
      mark ??= db.prepare(workerData.setMetaRow);
      commit ??= db.prepare('COMMIT');
      rollback ??= db.prepare('ROLLBACK');
      begin.run();
      if (Atomics.load(givenUp, 0) === id) rollback.run();
      else {
        mark.run(workerData.restartedKey, String(Date.now()));
        commit.run();
        restarted = true;
      }
    }
    parentPort.postMessage({ id, ok: true, log: result.log, checkpointed: result.checkpointed, restarted });
  } catch (err) {
    // A write left open would hold every append of the server's connection.
    if (db.inTransaction) try { db.exec('ROLLBACK'); } catch {}
    parentPort.postMessage({ id, ok: false, error: String(err) });
  }
});
`;

const replySchema = z.union([
  z.object({ id: z.number(), ok: z.literal(true), log: z.number(), checkpointed: z.number(), restarted: z.boolean() }),
  z.object({ id: z.number(), ok: z.literal(false), error: z.string() }),
]);
type Reply = z.infer<typeof replySchema>;

export interface WalCheckpointer {
  /** Answers the thread gave (tests). */
  readonly done: () => number;
  /** Times the thread started the WAL over with appends held (tests). */
  readonly restarts: () => number;
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
export function startWalCheckpointer(
  raw: Db,
  synchronous: 'normal' | 'full',
  log: Logger,
  everyMs = CHECKPOINT_EVERY_MS,
  holdAtMostMs = HOLD_AT_MOST_MS,
): WalCheckpointer {
  const givenUp = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const givenUpId = new Int32Array(givenUp);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      file: raw.name,
      synchronous: synchronous.toUpperCase(),
      restartedKey: WAL_RESTARTED_KEY,
      setMetaRow: SET_META_ROW,
      givenUp,
    },
  });
  worker.unref();
  raw.pragma('wal_autocheckpoint = 0');
  const gate = writeGateOf(raw);
  let done = 0;
  let restarts = 0;
  let busy = false;
  let stopped = false;
  let asked = 0;
  const waiting = new Map<number, (reply: Reply) => void>();
  const answered = (reply: Reply): void => {
    const resolve = waiting.get(reply.id);
    waiting.delete(reply.id);
    resolve?.(reply);
  };
  const fallBack = (why: string): void => {
    for (const id of [...waiting.keys()]) answered({ id, ok: false, error: why });
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    log.error('the WAL checkpointing thread stopped; the server checkpoints on its own again', { error: why });
    raw.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  };
  worker.on('message', (message: unknown) => {
    done += 1;
    const parsed = replySchema.safeParse(message);
    if (!parsed.success) {
      // Whose answer it was is not known: every request waiting fails, and the next round asks again.
      log.error('an unreadable answer from the checkpointing thread', { error: parsed.error.message });
      for (const id of [...waiting.keys()]) answered({ id, ok: false, error: 'an unreadable answer' });
      return;
    }
    const reply = parsed.data;
    if (!reply.ok) log.error('a WAL checkpoint failed; the next one tries again', { error: reply.error });
    else if (reply.restarted) restarts += 1;
    answered(reply);
  });
  worker.on('error', (err) => fallBack(String(err)));
  worker.on('exit', (code) => fallBack(`exited with ${code}`));
  /** A request to the thread; its id, and its answer (a failure if the thread goes away first). */
  const ask = (kind: 'checkpoint' | 'restart'): { readonly id: number; readonly reply: Promise<Reply> } => {
    // Ids stay positive Int32 values: 0 in `givenUp` names no request.
    asked = (asked % 0x7fff_ffff) + 1;
    const id = asked;
    const reply = new Promise<Reply>((resolve) => {
      waiting.set(id, resolve);
      worker.postMessage({ id, kind });
    });
    return { id, reply };
  };
  const restart = (): Promise<unknown> =>
    gate.hold(() => {
      const request = ask('restart');
      let timeout: NodeJS.Timeout | undefined;
      const limit = new Promise<void>((resolve) => {
        timeout = setTimeout(() => {
          Atomics.store(givenUpId, 0, request.id);
          resolve();
        }, holdAtMostMs);
      });
      return Promise.race([request.reply, limit]).finally(() => clearTimeout(timeout));
    });
  const round = async (): Promise<void> => {
    const checkpointed = await ask('checkpoint').reply;
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
    restarts: () => restarts,
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
