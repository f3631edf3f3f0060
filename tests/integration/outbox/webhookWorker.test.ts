import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { newEventId, newOrderId, OutletIdSchema, type OrderId } from '../../../shared/ids';
import { ALL_EVENTS, WebhookIdSchema } from '../../../shared/api/webhooks';
import { systemClock } from '../../../sync-server/clock';
import type { EventPost, PostOutcome } from '../../../sync-server/outbox/postEvent';
import { WebhookWorker, type WebhookWorkerDeps } from '../../../sync-server/outbox/webhookWorker';
import type { Database } from '../../../sync-server/storage/sql/schema';
import { Outbox, type NewOutboxEntry, type OutboxEntry } from '../../../sync-server/storage/outbox';
import { WebhookDeliveries, type DueDelivery } from '../../../sync-server/storage/webhookDeliveries';
import { Webhooks } from '../../../sync-server/storage/webhooks';
import { pollUntil } from '../support/poll';
import { silentLog, useTestStorage } from '../support/sqlStorage';

/** The outbox, counting the worker's looks for entries not yet fanned out (one per pass) and its reads of them. */
class CountingOutbox extends Outbox {
  looks = 0;
  reads = 0;
  override unfanned(limit: number): Promise<OutboxEntry[]> {
    this.looks += 1;
    this.reads += 1;
    return super.unfanned(limit);
  }
  override markFanned(limit: number, now: number): Promise<number> {
    this.looks += 1;
    return super.markFanned(limit, now);
  }
}

/** The deliveries, counting the worker's looks for due ones. */
class CountingDeliveries extends WebhookDeliveries {
  looks = 0;
  override due(now: number, limit: number): Promise<DueDelivery[]> {
    this.looks += 1;
    return super.due(now, limit);
  }
}

const OUTLET = OutletIdSchema.parse('demo-outlet');

/** A worker that polls only once an hour: every pass it makes here is one it was nudged or driven to. */
const depsOf = (db: Kysely<Database>, outbox: Outbox): WebhookWorkerDeps => ({
  outbox,
  deliveries: new WebhookDeliveries(db),
  webhooks: new Webhooks(db),
  stream: null,
  settings: {
    retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 10 },
    timeoutMs: 1_000,
    pollMs: 3_600_000,
    allowPrivate: true,
    retentionMs: 3_600_000,
  },
  clock: systemClock,
  log: silentLog,
});

/** A note on `orderId`, committed now. */
function noteEntry(orderId: OrderId): NewOutboxEntry {
  const at = Date.now();
  return { eventId: newEventId(), orderId, outletId: OUTLET, type: 'order.note', occurredAt: at, committedAt: at, data: '{}' };
}

/** Resolves once the worker has fanned out everything in the outbox. */
async function allFannedOut(db: Kysely<Database>): Promise<void> {
  const reader = new Outbox(db);
  await pollUntil(
    async () => (await reader.unfanned(300)).length,
    (n) => n === 0,
    'every entry fanned out',
  );
}

describe('the webhook worker', () => {
  const storage = useTestStorage('sqlite');

  it('takes a burst of commits in one pass once they have had a moment to gather, not one pass per commit', async () => {
    const { db } = storage();
    const outbox = new CountingOutbox(db);
    const lingers: (() => void)[] = [];
    const worker = new WebhookWorker({
      ...depsOf(db, outbox),
      linger: (fn) => {
        lingers.push(fn);
        return () => undefined;
      },
    });
    worker.start();
    await pollUntil(
      async () => outbox.looks,
      (n) => n >= 1,
      'the first pass',
    );
    await new Promise((r) => setTimeout(r, 20));
    const before = outbox.looks;

    const orderId = newOrderId();
    for (let i = 0; i < 40; i++) {
      await outbox.add([noteEntry(orderId)]);
      worker.committed();
      // Time for a pass to start between commits, as commits spread over a busy second leave it.
      await new Promise((r) => setImmediate(r));
    }
    expect(outbox.looks).toBe(before);
    expect(lingers).toHaveLength(1);

    lingers[0]?.();
    await allFannedOut(db);
    await worker.close();
    // One pass took the 40 entries; it took less than a batch, so it did not look again.
    expect(outbox.looks - before).toBe(1);
  });

  it('goes on pass after pass while a pass takes a whole batch, until the outbox is drained', async () => {
    const { db } = storage();
    const outbox = new CountingOutbox(db);
    const orderId = newOrderId();
    await outbox.add(Array.from({ length: 250 }, () => noteEntry(orderId)));
    const worker = new WebhookWorker({ ...depsOf(db, outbox), linger: () => () => undefined });
    worker.start();
    await allFannedOut(db);
    await worker.close();
    // Batches of 100: two full passes, and a third that took the last 50 and stopped.
    expect(outbox.looks).toBe(3);
  });

  it('with no webhook registered, fans entries out without reading them and looks for no deliveries', async () => {
    const { db } = storage();
    const outbox = new CountingOutbox(db);
    const deliveries = new CountingDeliveries(db);
    await outbox.add(Array.from({ length: 150 }, () => noteEntry(newOrderId())));
    const worker = new WebhookWorker({ ...depsOf(db, outbox), deliveries, linger: (fn) => (fn(), () => undefined) });
    worker.start();
    await allFannedOut(db);
    await outbox.add([noteEntry(newOrderId())]);
    worker.committed();
    await allFannedOut(db);
    await worker.close();
    expect(outbox.looks).toBeGreaterThanOrEqual(3);
    expect(outbox.reads).toBe(0);
    expect(deliveries.looks).toBe(0);
  });

  it('with a webhook registered, reads the entries and delivers them to it', async () => {
    const { db } = storage();
    const outbox = new CountingOutbox(db);
    const hook = WebhookIdSchema.parse('hook-1');
    await new Webhooks(db).add({
      id: hook,
      url: 'http://127.0.0.1:9/hook',
      events: [ALL_EVENTS],
      secret: 'whsec_test',
      createdAt: Date.now(),
    });
    const orderId = newOrderId();
    await outbox.add([noteEntry(orderId)]);
    const posted: string[] = [];
    const post = (p: EventPost): Promise<PostOutcome> => {
      posted.push(p.eventId);
      return Promise.resolve({ ok: true, status: 204 });
    };
    const worker = new WebhookWorker({ ...depsOf(db, outbox), post, linger: () => () => undefined });
    worker.start();
    await pollUntil(
      async () => (await new WebhookDeliveries(db).list(hook, 'delivered', 10)).map((d) => d.orderId),
      (delivered) => delivered.length === 1,
      'the entry delivered to the webhook',
    );
    await worker.close();
    expect(outbox.reads).toBeGreaterThanOrEqual(1);
    expect(posted).toHaveLength(1);
  });
});
