import type { OrderEvent } from '../../shared/order/events';
import { eventNameOf } from '../../shared/api/webhooks';
import type { DocHooks } from '../sync/docRegistry';
import type { AddedEvents } from '../sync/addedEvents';
import type { Kysely } from 'kysely';
import type { Db } from '../storage/db';
import { Outbox, type NewOutboxEntry } from '../storage/outbox';
import type { Database } from '../storage/sql/schema';

/**
 * What an event says beyond its id, type and time, as receivers get it: its author and its own fields.
 * The device that wrote it is left out (an internal detail of the apps); order events carry no customer
 * details, and none are added.
 */
function dataOf(event: OrderEvent): Record<string, unknown> {
  const { id: _id, type: _type, at: _at, device: _device, ...data } = event;
  return data;
}

/** The outbox entries for the events of one commit, in the order they are folded. */
export function outboxEntriesOf(added: AddedEvents, committedAt: number): NewOutboxEntry[] {
  return added.events.map((event) => ({
    eventId: event.id,
    orderId: added.orderId,
    outletId: added.outletId,
    type: eventNameOf(event.type),
    occurredAt: event.at,
    committedAt,
    data: JSON.stringify(dataOf(event)),
  }));
}

/**
 * The outbox as a document plug-in: every order event committed on this node, by a device or the server
 * (`placed` with the order's first update), is written in its commit's transaction; `committed` is told
 * after each commit of an order, so the delivery worker need not wait for its next poll.
 */
export function outboxHooks(committed: () => void, now: () => number = Date.now): DocHooks {
  return {
    writeAlong: (_doc, added) => {
      const entries = outboxEntriesOf(added, now());
      return Object.assign((trx: Kysely<Database>) => new Outbox(trx).add(entries), {
        onHandle: (raw: Db) => Outbox.addOnHandle(raw, entries),
      });
    },
    afterCommit: (doc) => {
      if (doc.ref.kind === 'order') committed();
    },
  };
}
