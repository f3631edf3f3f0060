import { storageFailureOf, type StorageFailure } from './storageFailure';

export type StorageStatus = 'ok' | StorageFailure;

/** One heartbeat write a second at most, however often /healthz is asked. */
const PROBE_EVERY_MS = 1000;

/** How one dialect checks its storage (healthProbes.ts has SQLite's and PostgreSQL's). */
export interface StorageProbe {
  /** The problems with the database's structure, none when well-formed. May read every page: at start only. */
  integrity(): Promise<string[]>;
  /** Commits a heartbeat write, or throws what storage said. */
  heartbeat(now: number): Promise<void>;
  /** What an error the probe met says about storage; null when it says nothing (a bug), and it is thrown on. */
  failureOf(err: unknown): StorageFailure | null;
}

/**
 * Whether storage can take a write now, cheaply enough for /healthz: a committed heartbeat (a read would
 * pass on a full or read-only disk), cached for a second, with one probe at a time however many ask. A
 * malformed database is found by the integrity check at start or by a request meeting corruption, and
 * stays reported: corruption does not heal by itself.
 */
export class StorageHealth {
  private corrupt = false;
  private last: { at: number; status: StorageStatus } | null = null;
  private probing: Promise<StorageStatus> | null = null;
  /** Counts failures noticed, so a probe that was under way when one was does not cache its older answer. */
  private noticedCount = 0;

  constructor(
    private readonly probe: StorageProbe,
    private readonly probeEveryMs = PROBE_EVERY_MS,
  ) {}

  /** Runs the probe's integrity check; the problems it lists, none for a well-formed database. */
  async checkIntegrity(): Promise<string[]> {
    let problems: string[];
    try {
      problems = await this.probe.integrity();
    } catch (err: unknown) {
      if (this.probe.failureOf(err) === null) throw err;
      problems = [String(err)];
    }
    if (problems.length > 0) this.corrupt = true;
    return problems;
  }

  /** A storage failure a request met: corruption is kept; anything else is probed afresh on the next ask. */
  noticed(failure: StorageFailure): void {
    if (failure === 'corrupt') this.corrupt = true;
    this.last = null;
    this.noticedCount += 1;
  }

  /** An error a document write met: noticed when it says something about storage, ignored otherwise (a bug, logged where it happened). */
  noticeError(err: unknown): void {
    const failure = storageFailureOf(err);
    if (failure) this.noticed(failure);
  }

  status(now = Date.now()): Promise<StorageStatus> {
    if (this.corrupt) return Promise.resolve('corrupt');
    if (this.last && now - this.last.at < this.probeEveryMs) return Promise.resolve(this.last.status);
    this.probing ??= this.probeNow(now).finally(() => {
      this.probing = null;
    });
    return this.probing;
  }

  private async probeNow(now: number): Promise<StorageStatus> {
    const noticedBefore = this.noticedCount;
    let status: StorageStatus = 'ok';
    try {
      await this.probe.heartbeat(now);
    } catch (err: unknown) {
      const failure = this.probe.failureOf(err);
      if (failure === null) throw err;
      if (failure === 'corrupt') this.corrupt = true;
      status = failure;
    }
    if (this.corrupt) return 'corrupt';
    if (this.noticedCount === noticedBefore) this.last = { at: now, status };
    return status;
  }
}
