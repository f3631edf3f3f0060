import type { WebhookEvent } from '../../shared/api/webhooks';
import type { OutboxEntry } from '../storage/outbox';

/**
 * The JSON body of an entry's deliveries and stream entries (shared/api/webhooks.ts): made from the stored
 * entry alone, so every retry and replay sends the same bytes.
 */
export function webhookBodyOf(entry: OutboxEntry): string {
  const data: unknown = JSON.parse(entry.data);
  const body: Omit<WebhookEvent, 'data'> & { data: unknown } = {
    id: entry.eventId,
    type: entry.type,
    sequence: entry.seq,
    orderId: entry.orderId,
    outletId: entry.outletId,
    occurredAt: entry.occurredAt,
    committedAt: entry.committedAt,
    data,
  };
  return JSON.stringify(body);
}
