import { z } from 'zod';
import type { Db } from './db';
import { storageFailureOf, type StorageFailure } from './storageFailure';

export type StorageStatus = 'ok' | StorageFailure;

/** One heartbeat write a second at most, however often /healthz is asked. */
const PROBE_EVERY_MS = 1000;

const quickCheckRows = z.array(z.object({ quick_check: z.string() }));

/**
 * Whether storage can take a write now, cheaply enough for /healthz: a committed heartbeat row (a
 * SELECT would pass on a full or read-only disk), cached for a second. A malformed file is found by
 * PRAGMA quick_check at start (it reads every page, so a live server does not repeat it) or by a
 * request meeting SQLITE_CORRUPT, and stays reported: corruption does not heal by itself.
 */
export class StorageHealth {
  private corrupt = false;
  private last: { at: number; status: StorageStatus } | null = null;
  private readonly heartbeat;

  constructor(
    private readonly db: Db,
    private readonly probeEveryMs = PROBE_EVERY_MS,
  ) {
    this.heartbeat = db.prepare<[string]>(
      "INSERT INTO meta (key, value) VALUES ('health_heartbeat', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    );
  }

  /** Runs PRAGMA quick_check; the problems it lists, none for a well-formed database. */
  checkIntegrity(): string[] {
    let problems: string[];
    try {
      problems = quickCheckRows
        .parse(this.db.pragma('quick_check'))
        .map((r) => r.quick_check)
        .filter((line) => line !== 'ok');
    } catch (err: unknown) {
      if (storageFailureOf(err) === null) throw err;
      problems = [String(err)];
    }
    if (problems.length > 0) this.corrupt = true;
    return problems;
  }

  /** A storage failure a request met: corruption is kept; anything else is probed afresh on the next ask. */
  noticed(failure: StorageFailure): void {
    if (failure === 'corrupt') this.corrupt = true;
    this.last = null;
  }

  status(now = Date.now()): StorageStatus {
    if (this.corrupt) return 'corrupt';
    if (this.last && now - this.last.at < this.probeEveryMs) return this.last.status;
    const status = this.probe(now);
    this.last = { at: now, status };
    return status;
  }

  private probe(now: number): StorageStatus {
    try {
      this.db.transaction(() => this.heartbeat.run(String(now))).immediate();
      return 'ok';
    } catch (err: unknown) {
      const failure = storageFailureOf(err);
      if (failure === null) throw err;
      if (failure === 'corrupt') this.corrupt = true;
      return this.corrupt ? 'corrupt' : failure;
    }
  }
}
