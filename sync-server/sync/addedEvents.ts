import * as Y from 'yjs';
import { OutletIdSchema, type OrderId, type OutletId } from '../../shared/ids';
import { compareEvents, parseOrderEvent, type OrderEvent } from '../../shared/order/events';
import { eventsArray, orderMap } from '../../shared/order/orderDoc';
import type { Kysely } from 'kysely';
import type { Db } from '../storage/db';
import type { WrittenAlong } from '../storage/docStore';
import type { Database } from '../storage/sql/schema';

/** The order events one commit adds, with the order they belong to: what the outbox records with it. */
export interface AddedEvents {
  readonly orderId: OrderId;
  /** From the header as the commit leaves it (the first commit writes both); null for a malformed header. */
  readonly outletId: OutletId | null;
  /** Sorted as every device folds them: (at, id). */
  readonly events: readonly OrderEvent[];
}

/**
 * Runs `change` on `doc` and returns the valid order events it appended. The events array is observed
 * rather than the update decoded: Yjs names an item's parent only on the first item of a run.
 */
export function eventsAddedBy(doc: Y.Doc, change: () => void): OrderEvent[] {
  const added: Y.Item[] = [];
  const observer = (event: Y.YArrayEvent<unknown>): void => {
    for (const item of event.changes.added) added.push(item);
  };
  const events = eventsArray(doc);
  events.observe(observer);
  try {
    change();
  } finally {
    events.unobserve(observer);
  }
  const parsed: OrderEvent[] = [];
  for (const item of added) {
    if (item.deleted || !(item.content instanceof Y.ContentAny)) continue;
    for (const value of item.content.getContent()) {
      const event = parseOrderEvent(value);
      if (event.ok) parsed.push(event.value);
    }
  }
  return parsed;
}

/** What a commit of `events` to the order in `doc` (the scratch copy it is made on) adds. */
export function addedEvents(doc: Y.Doc, orderId: OrderId, events: readonly OrderEvent[]): AddedEvents {
  const outletId = OutletIdSchema.safeParse(orderMap(doc).get('outletId'));
  return { orderId, outletId: outletId.success ? outletId.data : null, events: [...events].sort(compareEvents) };
}

/** Every part written in the one transaction, in order; undefined when there is none. */
export function alongAll(...parts: ReadonlyArray<WrittenAlong | undefined>): WrittenAlong | undefined {
  const present = parts.filter((part): part is WrittenAlong => part !== undefined);
  if (present.length <= 1) return present[0];
  const all = async (trx: Kysely<Database>): Promise<void> => {
    for (const part of present) await part(trx);
  };
  const onHandle = present.map((part) => part.onHandle);
  if (!onHandle.every((write) => write !== undefined)) return all;
  return Object.assign(all, {
    onHandle: (raw: Db): void => {
      for (const write of onHandle) write(raw);
    },
  });
}
