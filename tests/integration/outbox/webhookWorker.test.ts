import { describe, expect, it } from 'vitest';
import { newEventId, newOrderId, OutletIdSchema } from '../../../shared/ids';
import { systemClock } from '../../../sync-server/clock';
import { WebhookWorker } from '../../../sync-server/outbox/webhookWorker';
import { Outbox, type OutboxEntry } from '../../../sync-server/storage/outbox';
import { WebhookDeliveries } from '../../../sync-server/storage/webhookDeliveries';
import { Webhooks } from '../../../sync-server/storage/webhooks';
import { pollUntil } from '../support/poll';
import { silentLog, useTestStorage } from '../support/sqlStorage';

/** The outbox, counting the worker's looks for entries not yet fanned out: one per pass. */
class CountingOutbox extends Outbox {
  looks = 0;
  override unfanned(limit: number): Promise<OutboxEntry[]> {
    this.looks += 1;
    return super.unfanned(limit);
  }
}

const OUTLET = OutletIdSchema.parse('demo-outlet');

describe('the webhook worker', () => {
  const storage = useTestStorage('sqlite');

  it('takes a burst of commits in one pass once they have had a moment to gather, not one pass per commit', async () => {
    const { db } = storage();
    const outbox = new CountingOutbox(db);
    const lingers: (() => void)[] = [];
    const worker = new WebhookWorker({
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
      const at = Date.now();
      await outbox.add([
        { eventId: newEventId(), orderId, outletId: OUTLET, type: 'order.note', occurredAt: at, committedAt: at, data: '{}' },
      ]);
      worker.committed();
      // Time for a pass to start between commits, as commits spread over a busy second leave it.
      await new Promise((r) => setImmediate(r));
    }
    expect(outbox.looks).toBe(before);
    expect(lingers).toHaveLength(1);

    lingers[0]?.();
    const reader = new Outbox(db);
    await pollUntil(
      async () => (await reader.unfanned(100)).length,
      (n) => n === 0,
      'every entry fanned out',
    );
    await worker.close();
    // One pass took the 40 entries, and the one after it found nothing more.
    expect(outbox.looks - before).toBeLessThanOrEqual(3);
  });
});
