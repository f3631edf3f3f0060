import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { ProofStore } from '../proofs/proofStore';
import type { Breadcrumbs } from '../storage/breadcrumbs';
import type { ProofRecords } from '../storage/proofRecords';
import { PeriodicSweep } from './periodicSweep';

export interface RetentionOptions {
  readonly breadcrumbs: Breadcrumbs;
  readonly proofRecords: ProofRecords;
  readonly proofs: ProofStore;
  readonly clock: Clock;
  readonly log: Logger;
  /** Breadcrumbs taken (device time) longer ago than this are deleted. */
  readonly breadcrumbRetentionMs: number;
  /** Proof photos of orders that finished longer ago than this are deleted, with their rows. */
  readonly proofRetentionMs: number;
  readonly sweepEveryMs: number;
}

/** Orders whose proofs one pass deletes before it yields, so a first sweep over years of history does not stall requests. */
const PROOF_ORDERS_PER_PASS = 200;

/**
 * Deletes what the server keeps only for a while: drivers' breadcrumb trails and proof-of-delivery
 * photos of finished orders. The orders themselves and their history stay.
 */
export class RetentionSweeper extends PeriodicSweep {
  constructor(private readonly o: RetentionOptions) {
    super({ clock: o.clock, log: o.log, everyMs: o.sweepEveryMs, what: 'retention sweep' });
  }

  /** One sweep: nothing older than its retention is left. */
  protected async sweepOnce(): Promise<void> {
    const now = this.o.clock.now();
    const breadcrumbs = await this.o.breadcrumbs.deleteOlderThan(now - this.o.breadcrumbRetentionMs);
    let proofOrders = 0;
    for (;;) {
      const batch = await this.o.proofRecords.ordersFinishedBefore(now - this.o.proofRetentionMs, PROOF_ORDERS_PER_PASS);
      for (const orderId of batch) await this.o.proofs.deleteOrder(orderId);
      proofOrders += batch.length;
      if (batch.length < PROOF_ORDERS_PER_PASS || this.isClosed) break;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (breadcrumbs > 0 || proofOrders > 0) this.o.log.info('retention sweep', { breadcrumbs, proofOrders });
  }
}
