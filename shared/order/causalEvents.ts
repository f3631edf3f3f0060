import type * as Y from 'yjs';
import type { EventId } from '../ids';
import { parseOrderEvent, type OrderEvent } from './events';

/** How an entry's value is read as an event: parseOrderEvent, or a caller's memo of it. */
export type ParseEvent = typeof parseOrderEvent;

/**
 * What an event's author had provably seen, read from the Yjs structure every replica shares.
 *
 * An appended entry's Yjs `origin` is the entry left of it on the author's device, and Yjs integrates
 * an entry only after its origin, so every entry on the origin chain was on the author's device. The
 * chain is a lower bound (concurrent entries placed between are not on it), which is the point: an
 * offline device's honest times are never judged against entries it could not have seen.
 */
export interface Mark {
  /** The entry's own time, or -Infinity for an entry that is not a valid event. */
  readonly at: number;
  /** The newest time on the entry's origin chain, -Infinity when it has none. */
  readonly seenAt: number;
}

/** Marks by Yjs id (see keyOf), one per entry of the events array (a Map, or an overlay on one). */
export interface MarkIndex {
  get(key: MarkKey): Mark | undefined;
  has(key: MarkKey): boolean;
  set(key: MarkKey, mark: Mark): unknown;
}

export interface CausalEvent {
  readonly event: OrderEvent;
  readonly seenAt: number;
}

export interface ReadEntries {
  readonly events: CausalEvent[];
  /** Entries that are not valid events at all (a device bug, or data from a newer version). */
  readonly malformed: number;
}

/** A Yjs id as a key: one number when that is exact, `client:clock` otherwise (see keyOf). */
export type MarkKey = number | string;

const CLOCKS_PER_CLIENT = 2 ** 21;
const CLIENTS = 2 ** 32;

/**
 * The key of one entry in a MarkIndex: its Yjs id. Yjs client ids are 32-bit and an order's clocks stay
 * far below 2^21, so nearly every id is the exact integer `client * 2^21 + clock` (below 2^53): a server
 * marks every entry of every loaded order, and a string per entry took 8 MiB at 10,000 devices. Ids outside
 * that range (only a hand-built update has them) are strings, which no number equals.
 */
export const keyOf = (client: number, clock: number): MarkKey =>
  client < CLIENTS && clock < CLOCKS_PER_CLIENT ? client * CLOCKS_PER_CLIENT + clock : `${client}:${clock}`;

function seenFrom(origin: Mark | undefined): number {
  return origin ? Math.max(origin.at, origin.seenAt) : Number.NEGATIVE_INFINITY;
}

/**
 * Parses the entries of `items` and marks them in `index`. Items may come in any order (a
 * transaction's added set): an item whose origin is another new item waits for it.
 */
export function markItems(items: Iterable<Y.Item>, index: MarkIndex, parse: ParseEvent = parseOrderEvent): ReadEntries {
  const unique = new Map<MarkKey, Y.Item>();
  for (const item of items) if (!item.deleted && item.countable) unique.set(keyOf(item.id.client, item.id.clock), item);
  let waiting = [...unique.values()];
  const events: CausalEvent[] = [];
  let malformed = 0;
  const pending = new Set<MarkKey>();
  const keysOf = (item: Y.Item): MarkKey[] => Array.from({ length: item.length }, (_, k) => keyOf(item.id.client, item.id.clock + k));
  for (const item of waiting) for (const key of keysOf(item)) pending.add(key);
  while (waiting.length > 0) {
    const later: Y.Item[] = [];
    for (const item of waiting) {
      const origin = item.origin ? keyOf(item.origin.client, item.origin.clock) : null;
      if (origin !== null && !index.has(origin) && pending.has(origin)) {
        later.push(item);
        continue;
      }
      let seenAt = seenFrom(origin === null ? undefined : index.get(origin));
      const values = item.content.getContent();
      for (const [k, value] of values.entries()) {
        const parsed = parse(value);
        const at = parsed.ok ? parsed.value.at : Number.NEGATIVE_INFINITY;
        if (parsed.ok) events.push({ event: parsed.value, seenAt });
        else malformed += 1;
        index.set(keyOf(item.id.client, item.id.clock + k), { at, seenAt });
        seenAt = Math.max(seenAt, at);
      }
      for (const key of keysOf(item)) pending.delete(key);
    }
    // Origins that never resolve (a cycle no valid update makes) are read as no origin.
    if (later.length === waiting.length) {
      for (const item of later) for (const key of keysOf(item)) pending.delete(key);
    }
    waiting = later;
  }
  return { events, malformed };
}

/** Every entry of an events array in array order, with what its author had seen. */
export function readCausalEvents(
  array: Y.Array<unknown>,
  index: MarkIndex = new Map<MarkKey, Mark>(),
  parse: ParseEvent = parseOrderEvent,
): ReadEntries {
  const items: Y.Item[] = [];
  for (let item = array._start; item !== null; item = item.right) items.push(item);
  return markItems(items, index, parse);
}

/** seenAt by event id, the form `reduceOrder` takes. */
export function seenAtById(events: readonly CausalEvent[]): Map<EventId, number> {
  return new Map(events.map((e) => [e.event.id, e.seenAt]));
}
