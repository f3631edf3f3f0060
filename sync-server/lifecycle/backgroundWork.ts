import type { Kysely } from 'kysely';
import type { OrderId } from '../../shared/ids';
import type { Clock } from '../clock';
import type { LeaderDuties } from '../dispatch/leadership/leaderDuties';
import type { Config } from '../config';
import type { Logger } from '../log';
import { OutletWatch } from '../outletWatch/outletWatch';
import type { OutletNotices } from '../outletWatch/outletNotices';
import type { Presence } from '../presence/presence';
import { InboxPruner } from '../projections/inboxPruner';
import { backfillOrderTimings } from '../projections/timingsBackfill';
import { reprojectTracksOnce } from '../projections/trackReprojection';
import type { ProofStore } from '../proofs/proofStore';
import { RetentionSweeper } from '../retention/retentionSweeper';
import type { Breadcrumbs } from '../storage/breadcrumbs';
import type { DocStore } from '../storage/docStore';
import type { OrderIndex } from '../storage/orderIndex';
import type { OrderTimingsIndex } from '../storage/orderTimingsIndex';
import type { OutletRepo } from '../storage/outletRepo';
import type { ProofRecords } from '../storage/proofRecords';
import type { Database } from '../storage/sql/schema';
import type { DocRegistry } from '../sync/docRegistry';
import type { Waker } from '../wake/waker';

export interface BackgroundParts {
  readonly config: Config;
  readonly sql: Kysely<Database>;
  readonly log: Logger;
  readonly clock: Clock;
  readonly registry: DocRegistry;
  readonly docStore: DocStore;
  readonly orders: OrderIndex;
  readonly outlets: OutletRepo;
  readonly timings: OrderTimingsIndex;
  readonly presence: Presence;
  readonly waker: Waker;
  readonly notices: OutletNotices;
  readonly breadcrumbs: Breadcrumbs;
  readonly proofRecords: ProofRecords;
  readonly proofs: ProofStore;
  readonly refreshTrack: (orderId: OrderId) => Promise<void>;
  /** Where the periodic services run: on the dispatch leader only. */
  readonly duties: LeaderDuties;
}

export interface BackgroundWork {
  /** Stops the one-off catch-up at its next step (it resumes at the next start). */
  abort(): void;
}

/** A service that runs every so often: started, and closed after the pass it is in. */
interface Periodic {
  start(): void;
  close(): Promise<void>;
}

/**
 * What the server does on its own besides answering: the catch-up of older rows once at start (on every
 * node: each step is idempotent), and the periodic outlet watch, inbox pruning and retention sweeps, on
 * the dispatch leader only (they stop with its term, and so with dispatch at shutdown).
 */
export function startBackgroundWork(p: BackgroundParts): BackgroundWork {
  const { config, log, clock, registry, orders } = p;
  reprojectTracksOnce(p.sql, p.refreshTrack, log).catch((err: unknown) =>
    log.error('rewriting tracking projections failed; retried at the next start', { error: String(err) }),
  );
  const catchUp = new AbortController();
  backfillOrderTimings(p.timings, p.docStore, log, catchUp.signal).catch((err: unknown) =>
    log.error('writing the timings of older orders failed; retried at the next start', { error: String(err) }),
  );
  const periodic = (make: () => Periodic): void =>
    p.duties.add(() => {
      const service = make();
      service.start();
      return service;
    });
  periodic(
    () =>
      new OutletWatch({
        registry,
        orders,
        outlets: p.outlets,
        presence: p.presence,
        waker: p.waker,
        notices: p.notices,
        clock,
        log,
        limits: config.outletWatch,
        checkEveryMs: config.outletWatch.checkEveryMs,
      }),
  );
  periodic(
    () => new InboxPruner({ registry, orders, clock, log, retentionMs: config.inboxRetentionMs, sweepEveryMs: config.inboxSweepMs }),
  );
  periodic(
    () =>
      new RetentionSweeper({
        breadcrumbs: p.breadcrumbs,
        proofRecords: p.proofRecords,
        proofs: p.proofs,
        clock,
        log,
        breadcrumbRetentionMs: config.breadcrumbRetentionMs,
        proofRetentionMs: config.proofRetentionMs,
        sweepEveryMs: config.retentionSweepMs,
      }),
  );
  return { abort: () => catchUp.abort() };
}
