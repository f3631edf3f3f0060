import type * as Y from 'yjs';
import { SYSTEM_ID } from '../roles';
import { newEventId, type EventId } from '../ids';
import { readCausalEvents, seenAtById } from './causalEvents';
import type { OrderEvent } from './events';
import { orderHeaderSchema, type OrderHeader } from './header';
import { reduceOrder, type OrderState } from './reduceOrder';

/** Root types of an order document (DESIGN.md): Y.Map('order') holds the header, Y.Array('events') the events. */
export const ORDER_MAP = 'order';
export const EVENTS_ARRAY = 'events';

export const orderMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(ORDER_MAP);
export const eventsArray = (doc: Y.Doc): Y.Array<unknown> => doc.getArray<unknown>(EVENTS_ARRAY);

/** Writes a new order's header and its `placed` event in one transaction. */
export function createOrderDoc(doc: Y.Doc, header: OrderHeader, origin: unknown = null): void {
  doc.transact(() => {
    const map = orderMap(doc);
    for (const [key, value] of Object.entries(header)) if (value !== undefined) map.set(key, value);
    const placed: OrderEvent = { id: newEventId(), type: 'placed', at: header.createdAt, by: { id: SYSTEM_ID, role: 'system' } };
    eventsArray(doc).push([placed]);
  }, origin);
}

export function readHeader(doc: Y.Doc): OrderHeader | null {
  const map = orderMap(doc);
  if (map.size === 0) return null;
  const parsed = orderHeaderSchema.safeParse(map.toJSON());
  return parsed.success ? parsed.data : null;
}

export interface ReadEvents {
  readonly events: readonly OrderEvent[];
  /** What each event's author had seen (see causalEvents.ts). */
  readonly seenAt: ReadonlyMap<EventId, number>;
  /** Entries that are not valid events at all (a device bug, or data from a newer version). */
  readonly malformed: number;
}

export function readEvents(doc: Y.Doc): ReadEvents {
  const { events, malformed } = readCausalEvents(eventsArray(doc));
  return { events: events.map((e) => e.event), seenAt: seenAtById(events), malformed };
}

export interface OrderView {
  readonly header: OrderHeader;
  readonly state: OrderState;
}

export function readOrder(doc: Y.Doc): OrderView | null {
  const header = readHeader(doc);
  if (!header) return null;
  const { events, seenAt } = readEvents(doc);
  return { header, state: reduceOrder(events, { orderType: header.type, seenAt }) };
}

export function appendEvent(doc: Y.Doc, event: OrderEvent, origin: unknown = null): void {
  doc.transact(() => eventsArray(doc).push([event]), origin);
}
