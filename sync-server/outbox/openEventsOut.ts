import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { Config } from '../config';
import type { LeaderDuties } from '../dispatch/leadership/leaderDuties';
import type { Logger } from '../log';
import { EventsRetention } from '../retention/eventsRetention';
import { Outbox } from '../storage/outbox';
import type { Database } from '../storage/sql/schema';
import { WebhookDeliveries } from '../storage/webhookDeliveries';
import { Webhooks } from '../storage/webhooks';
import type { DocHooks } from '../sync/docRegistry';
import { RedisEventStream } from './eventStream';
import { systemResolveHost, type ResolveHost } from './privateAddress';
import { outboxHooks } from './outboxRows';
import { WebhookWorker } from './webhookWorker';

export interface EventsOut {
  /** The document plug-in that writes the outbox with every order commit: `registry.use` it before any commit. */
  readonly hooks: DocHooks;
  readonly webhooks: Webhooks;
  readonly deliveries: WebhookDeliveries;
  /** How webhook host names are resolved, at registration and before each delivery. */
  readonly resolveHost: ResolveHost;
  /** Tells the worker (if this node runs it) that a replay or a new webhook may have work for it. */
  wake(): void;
}

export interface EventsOutDeps {
  readonly config: Pick<Config, 'webhooks' | 'redisUrl' | 'redisPrefix' | 'retentionSweepMs'>;
  readonly sql: Kysely<Database>;
  readonly clock: Clock;
  readonly log: Logger;
  /** The worker and the retention sweep run on the dispatch leader only, with its term. */
  readonly duties: LeaderDuties;
  readonly resolveHost?: ResolveHost | undefined;
}

/**
 * Events out: the outbox written with every commit on every node, and on the leader the worker that fans it
 * out to the webhooks and the Redis Stream (REDIS_URL), and the sweep that keeps both from growing forever.
 */
export function openEventsOut(d: EventsOutDeps): EventsOut {
  const { config, clock, log } = d;
  const outbox = new Outbox(d.sql);
  const webhooks = new Webhooks(d.sql);
  const deliveries = new WebhookDeliveries(d.sql);
  const resolveHost = d.resolveHost ?? systemResolveHost;
  let worker: WebhookWorker | null = null;
  const wake = (): void => worker?.wake();
  const committed = (): void => worker?.committed();
  d.duties.add(() => {
    const stream = config.redisUrl ? new RedisEventStream(config.redisUrl, config.redisPrefix) : null;
    const started = new WebhookWorker({ outbox, deliveries, webhooks, stream, settings: config.webhooks, clock, log, resolveHost });
    worker = started;
    started.start();
    return {
      close: async () => {
        if (worker === started) worker = null;
        await started.close();
        await stream?.close();
      },
    };
  });
  d.duties.add(() => {
    const sweep = new EventsRetention({
      outbox,
      deliveries,
      clock,
      log,
      retentionMs: config.webhooks.retentionMs,
      sweepEveryMs: config.retentionSweepMs,
    });
    sweep.start();
    return sweep;
  });
  return { hooks: outboxHooks(committed, () => clock.now()), webhooks, deliveries, resolveHost, wake };
}
