import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { OrderIndex } from '../storage/orderIndex';
import type { DocRegistry } from '../sync/docRegistry';
import { PeriodicSweep } from '../retention/periodicSweep';
import { takeOutOfInboxes } from './inboxRemoval';

export interface InboxPrunerOptions {
  readonly registry: DocRegistry;
  readonly orders: OrderIndex;
  readonly clock: Clock;
  readonly log: Logger;
  /** How long a finished order stays in the inboxes (so devices keep holding it) after it finished. */
  readonly retentionMs: number;
  readonly sweepEveryMs: number;
}

/**
 * Takes finished orders out of the inboxes once they are `retentionMs` old, so a device follows
 * today's work, not every order the outlet ever had (1,500 a day adds up). The order documents and
 * the history search keep them; devices keep what they already stored.
 */
export class InboxPruner extends PeriodicSweep {
  /** Everything that finished before this has been taken out; in memory, so a restart sweeps all history once. */
  private prunedUntil = 0;

  constructor(private readonly o: InboxPrunerOptions) {
    super({ clock: o.clock, log: o.log, everyMs: o.sweepEveryMs, what: 'inbox pruning' });
  }

  /** One sweep: the inboxes no longer list what finished before now − retention. */
  protected async sweepOnce(): Promise<void> {
    const until = this.o.clock.now() - this.o.retentionMs;
    if (until <= this.prunedUntil) return;
    await takeOutOfInboxes(this.o.registry, await this.o.orders.finishedBetween(this.prunedUntil, until), () => this.isClosed);
    this.prunedUntil = until;
  }
}
