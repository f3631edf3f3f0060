import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { Outbox } from '../storage/outbox';
import type { WebhookDeliveries } from '../storage/webhookDeliveries';
import { PeriodicSweep } from './periodicSweep';

export interface EventsRetentionOptions {
  readonly outbox: Outbox;
  readonly deliveries: WebhookDeliveries;
  readonly clock: Clock;
  readonly log: Logger;
  /** Delivered and dead-lettered deliveries last changed longer ago than this go, then the outbox entries nothing refers to. */
  readonly retentionMs: number;
  readonly sweepEveryMs: number;
}

/**
 * Keeps events out from growing forever: finished deliveries (delivered or dead-lettered, so replayable
 * until then) and then the outbox entries that no delivery needs any more. A pending delivery keeps its
 * entry however old; an entry not yet fanned out is never deleted.
 */
export class EventsRetention extends PeriodicSweep {
  constructor(private readonly o: EventsRetentionOptions) {
    super({ clock: o.clock, log: o.log, everyMs: o.sweepEveryMs, what: 'events retention sweep' });
  }

  protected async sweepOnce(): Promise<void> {
    const before = this.o.clock.now() - this.o.retentionMs;
    const deliveries = await this.o.deliveries.deleteFinishedBefore(before);
    const entries = await this.o.outbox.deleteSentBefore(before);
    if (deliveries > 0 || entries > 0) this.o.log.info('events retention sweep', { deliveries, entries });
  }
}
