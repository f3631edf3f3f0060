import { ALL_EVENTS } from '../../shared/api/webhooks';
import type { Clock } from '../clock';
import type { Duty } from '../dispatch/leadership/leaderDuties';
import type { Logger } from '../log';
import type { Outbox, OutboxEntry } from '../storage/outbox';
import type { DueDelivery, WebhookDeliveries } from '../storage/webhookDeliveries';
import type { Webhooks, WebhookTarget } from '../storage/webhooks';
import { retryDelayMs } from './backoff';
import type { EventStream } from './eventStream';
import { postEvent, type EventPost, type PostOutcome } from './postEvent';
import { resolveWebhookHost, systemResolveHost, type ResolveHost } from './privateAddress';
import type { WebhookSettings } from './webhookConfig';
import { webhookBodyOf } from './webhookBody';
import { signingSecrets } from './signature';

/** Outbox entries fanned out (and streamed) per step, and deliveries picked per step. */
const BATCH = 100;
/** POSTs in flight at once. */
const PARALLEL = 8;
/**
 * How long a commit's nudge waits for the commits after it: one pass then takes them all. Woken per
 * commit, the worker ran three queries per order event (two thirds of a busy node's SQL, bench:sync);
 * at 25 ms a busy node still spent 8% of its main thread in passes of a handful of entries. A webhook
 * receiver hears of an event a tenth of a second later; nothing waits on that.
 */
export const COMMIT_LINGER_MS = 100;

export interface WebhookWorkerDeps {
  readonly outbox: Outbox;
  readonly deliveries: WebhookDeliveries;
  readonly webhooks: Webhooks;
  /** The Redis Stream, with REDIS_URL; null without. */
  readonly stream: EventStream | null;
  readonly settings: WebhookSettings;
  readonly clock: Clock;
  readonly log: Logger;
  readonly random?: () => number;
  readonly post?: (p: EventPost) => Promise<PostOutcome>;
  /** How webhook host names are resolved before each delivery; the system's resolver by default. */
  readonly resolveHost?: ResolveHost;
  /** Runs `fn` once commits have had COMMIT_LINGER_MS to gather (see `committed`); a real timer by default. */
  readonly linger?: (fn: () => void) => () => void;
}

function realLinger(fn: () => void): () => void {
  const timer = setTimeout(fn, COMMIT_LINGER_MS);
  timer.unref();
  return () => clearTimeout(timer);
}

const wants = (webhook: WebhookTarget, entry: OutboxEntry): boolean =>
  webhook.events.some((filter) => filter === ALL_EVENTS || filter === entry.type);

/**
 * Sends the outbox out, on one node (the dispatch leader, as a LeaderDuty). Each pass fans new entries out
 * to the webhooks that want them (registered by then), appends them to the Redis Stream, and POSTs what is
 * due; it runs again at once while a step takes a whole batch, then every `pollMs`, and when woken after
 * a commit here.
 * At least once: a delivery is marked done only after its 2xx, so a crash or a change of leader in between
 * sends it again, with the same `Dabba-Event-Id`.
 */
export class WebhookWorker implements Duty {
  private running: Promise<void> | null = null;
  private again = false;
  private cancelTimer: (() => void) | null = null;
  private lingering: (() => void) | null = null;
  private closed = false;
  private readonly stopping = new AbortController();

  constructor(private readonly d: WebhookWorkerDeps) {}

  start(): void {
    this.wake();
  }

  /** Something may be waiting: a pass starts now, or right after the one in progress. */
  wake(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.running = this.passes().finally(() => {
      this.running = null;
      this.schedule();
    });
  }

  /**
   * An order event was committed: a pass starts within COMMIT_LINGER_MS, with whatever else was committed by
   * then. Real time, not the clock's: it batches work, it decides nothing.
   */
  committed(): void {
    if (this.closed || this.lingering) return;
    this.lingering = (this.d.linger ?? realLinger)(() => {
      this.lingering = null;
      this.wake();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.lingering?.();
    this.cancelTimer?.();
    this.stopping.abort();
    await this.running;
  }

  private schedule(): void {
    if (this.closed) return;
    if (this.again) {
      this.again = false;
      this.wake();
      return;
    }
    this.cancelTimer = this.d.clock.after(this.d.settings.pollMs, () => this.wake());
  }

  private async passes(): Promise<void> {
    try {
      while (!this.closed && (await this.pass())) this.again = false;
    } catch (err: unknown) {
      this.d.log.error('sending events out failed; retried at the next poll', { error: String(err) });
    }
  }

  /**
   * One pass; true when a step took a whole batch, so that more may be waiting. A pass that took less
   * has seen to the end: another at once would only find nothing (three queries); what is committed
   * meanwhile nudges the worker again.
   */
  private async pass(): Promise<boolean> {
    const webhooks = await this.d.webhooks.targets();
    const fanned = await this.fanOut(webhooks);
    const streamed = await this.streamOut();
    // A delivery is only ever sent to a registered webhook (`due` joins them): with none, none is due.
    const sent = webhooks.length > 0 && (await this.deliverDue());
    return fanned || streamed || sent;
  }

  /**
   * With no webhook registered (most nodes) the entries are marked fanned out unread: reading and parsing
   * them for nobody was most of the cost of a pass, and passes run every COMMIT_LINGER_MS under load.
   */
  private async fanOut(webhooks: readonly WebhookTarget[]): Promise<boolean> {
    if (webhooks.length === 0) return (await this.d.outbox.markFanned(BATCH, this.d.clock.now())) === BATCH;
    const entries = await this.d.outbox.unfanned(BATCH);
    if (entries.length === 0) return false;
    const targets = (entry: OutboxEntry) => webhooks.filter((w) => wants(w, entry)).map((w) => w.id);
    await this.d.deliveries.fanOut(entries, targets, this.d.clock.now());
    return entries.length === BATCH;
  }

  /** A Redis that is away holds the stream back (entries wait for it), never the webhooks. */
  private async streamOut(): Promise<boolean> {
    if (!this.d.stream) return false;
    const entries = await this.d.outbox.unstreamed(BATCH);
    if (entries.length === 0) return false;
    try {
      await this.d.stream.append(entries);
    } catch (err: unknown) {
      this.d.log.error('appending events to the Redis Stream failed; retried at the next poll', { error: String(err) });
      return false;
    }
    await this.d.outbox.markStreamed(
      entries.map((e) => e.seq),
      this.d.clock.now(),
    );
    return entries.length === BATCH;
  }

  private async deliverDue(): Promise<boolean> {
    const due = await this.d.deliveries.due(this.d.clock.now(), BATCH);
    let next = 0;
    const lane = async (): Promise<void> => {
      for (let i = next++; i < due.length && !this.closed; i = next++) {
        const delivery = due[i];
        if (delivery) await this.deliver(delivery);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, due.length) }, lane));
    return due.length === BATCH;
  }

  private async deliver(delivery: DueDelivery): Promise<void> {
    const { settings, clock } = this.d;
    const { webhookId, entry } = delivery;
    // Resolved and checked at every attempt (the name may point elsewhere since), and connected to as checked.
    const host = await resolveWebhookHost(delivery.url, settings.allowPrivate, this.d.resolveHost ?? systemResolveHost);
    const outcome: PostOutcome = host.ok
      ? await (this.d.post ?? postEvent)({
          url: delivery.url,
          address: host.value,
          secrets: signingSecrets(delivery.secret, delivery.previousSecret, delivery.previousSecretUntil, clock.now()),
          eventId: entry.eventId,
          body: webhookBodyOf(entry),
          now: clock.now(),
          timeoutMs: settings.timeoutMs,
          signal: this.stopping.signal,
        })
      : { ok: false, status: null, error: host.error.message };
    // Cut short by the stop: not an attempt of the receiver's; the next leader sends it again.
    if (this.closed && !outcome.ok) return;
    const now = clock.now();
    if (outcome.ok) {
      await this.d.deliveries.delivered(webhookId, entry.eventId, outcome.status, now);
      return;
    }
    const wait = retryDelayMs(delivery.attempts + 1, settings.retry, this.d.random);
    await this.d.deliveries.failed(
      webhookId,
      entry.eventId,
      { status: outcome.status, error: outcome.error, retryAt: wait === null ? null : now + wait },
      now,
    );
    if (wait === null)
      this.d.log.error('a webhook delivery was dead-lettered', { webhookId, eventId: entry.eventId, error: outcome.error });
  }
}
