import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Db } from './db';
import type { SqlStorage } from './sql/open';
import type { Database } from './sql/schema';
import { storageFailureOf } from './storageFailure';
import type { StorageProbe } from './storageHealth';
import { SET_META_ROW } from './sql/metaRow';
import { isPostgresError } from './sql/pgModule';

/** Longer than a heartbeat takes on a loaded server; short enough that /healthz answers before a balancer gives up. */
const POSTGRES_PROBE_TIMEOUT_MS = 3000;

const HEARTBEAT_KEY = 'health_heartbeat';

const quickCheckRows = z.array(z.object({ quick_check: z.string() }));

/**
 * SQLite, on the handle under Kysely: PRAGMA quick_check reads every page of the file; the heartbeat is
 * a write transaction taking the lock at BEGIN (IMMEDIATE), so a full, read-only or failing disk shows.
 * Both are synchronous calls, so neither can land inside a Kysely transaction (see SqlStorage.sqlite).
 */
export function sqliteProbe(raw: Db): StorageProbe {
  const heartbeat = raw.prepare<[string, string]>(SET_META_ROW);
  return {
    integrity: async () =>
      quickCheckRows
        .parse(raw.pragma('quick_check'))
        .map((r) => r.quick_check)
        .filter((line) => line !== 'ok'),
    heartbeat: async (now) => {
      raw.transaction(() => heartbeat.run(HEARTBEAT_KEY, String(now))).immediate();
    },
    failureOf: storageFailureOf,
  };
}

/** Rejects with `timeout` once `ms` pass before `work` settles (which is left to settle on its own). */
async function within<T>(work: Promise<T>, ms: number, timeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeout()), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * PostgreSQL: the heartbeat is the same write through Kysely (a standby or read-only database refuses
 * it), given `timeoutMs` to answer. Anything but an SQL error from the server (refused, dropped or
 * unanswered connections) means storage cannot be reached: 'failed'. There is no cheap whole-database
 * check to run at start (amcheck is an extension and reads everything); the server reports a damaged
 * page as XX001/XX002 when a query meets it, which storageFailureOf reads as corrupt.
 */
export function postgresProbe(db: Kysely<Database>, timeoutMs = POSTGRES_PROBE_TIMEOUT_MS): StorageProbe {
  return {
    integrity: () => Promise.resolve([]),
    heartbeat: async (now) => {
      const write = db
        .insertInto('meta')
        .values({ key: HEARTBEAT_KEY, value: String(now) })
        .onConflict((conflict) => conflict.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
        .execute();
      await within(write, timeoutMs, () => new Error(`PostgreSQL did not take the health heartbeat within ${timeoutMs} ms`));
    },
    failureOf: (err) => (isPostgresError(err) ? storageFailureOf(err) : 'failed'),
  };
}

/** The probe for the storage the server opened. */
export function storageProbeOf(opened: Pick<SqlStorage, 'db' | 'sqlite'>): StorageProbe {
  return opened.sqlite === null ? postgresProbe(opened.db) : sqliteProbe(opened.sqlite);
}
