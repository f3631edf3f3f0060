import * as Y from 'yjs';
import { eventsArray } from '../../../shared/order/orderDoc';
import type { RejectCode } from '../../../shared/protocol/rejectCodes';
import { fail, ok, type Result } from '../../../shared/result';

/** An update as Yjs decodes it (v1), structs and delete set, before anything is integrated. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** Decodes a device's update once, for every check that reads its structs. */
export function decodeDeviceUpdate(update: Uint8Array): Result<DecodedUpdate, RejectCode> {
  try {
    return ok(Y.decodeUpdate(update));
  } catch {
    return fail('undecodable', 'The update is not a valid Yjs update.');
  }
}

/**
 * The items of an update that does nothing but append plain entries to an order's events, or null when it
 * does anything else (the full check, on a scratch copy of the document, decides those).
 *
 * Such an update is written under one client id whose clocks go on exactly from what `doc` holds, deletes
 * nothing, and every item in it holds plain content (no shared types) and is placed only by its left
 * origin: an entry of the events array `doc` holds, or the item before it in the update. For that shape
 * Yjs's integration is known without running it: an item with an origin and no parent of its own takes its
 * origin's parent, so each lands in the events array; no origin or clock is missing, so nothing waits; no
 * delete set, so nothing is removed. Anything the reasoning does not cover returns null rather than a guess.
 */
export function plainAppendedItems(doc: Y.Doc, decoded: DecodedUpdate): Y.Item[] | null {
  if (decoded.ds.clients.size > 0) return null;
  if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) return null;
  const first = decoded.structs[0];
  if (!(first instanceof Y.Item)) return null;
  const client = first.id.client;
  const start = Y.getState(doc.store, client);
  const events = eventsArray(doc);
  const items: Y.Item[] = [];
  let next = start;
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item) || struct.id.client !== client || struct.id.clock !== next || struct.length < 1) return null;
    if (!(struct.content instanceof Y.ContentAny)) return null;
    if (struct.rightOrigin !== null || struct.parent !== null || struct.parentSub !== null) return null;
    const origin = struct.origin;
    if (origin === null) return null;
    const earlierInUpdate = origin.client === client && origin.clock >= start && origin.clock < next;
    if (!earlierInUpdate && !isEntryOf(doc, events, origin)) return null;
    items.push(struct);
    next += struct.length;
  }
  return items;
}

/** True when `id` names an item `doc` holds directly in `array` (not a GC struct, not a keyed entry). */
function isEntryOf(doc: Y.Doc, array: Y.Array<unknown>, id: Y.ID): boolean {
  if (id.clock >= Y.getState(doc.store, id.client)) return false;
  const structs = doc.store.clients.get(id.client);
  if (structs === undefined) return false;
  const struct = structs[Y.findIndexSS(structs, id.clock)];
  return struct instanceof Y.Item && struct.parent === array && struct.parentSub === null;
}
