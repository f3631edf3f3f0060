import * as Y from 'yjs';
import type { DocRef } from '../../shared/docNames';
import { parseOrderEvent, type OrderEvent } from '../../shared/order/events';
import { EVENTS_ARRAY, eventsArray } from '../../shared/order/orderDoc';
import { mayAppend, writableRoots } from '../../shared/permissions';
import { MAX_CLOCK_SKEW_MS } from '../../shared/protocol/limits';
import type { RejectCode } from '../../shared/protocol/rejectCodes';
import type { Actor } from '../../shared/roles';

export type CheckResult =
  | { readonly ok: true; readonly changed: boolean }
  | { readonly ok: false; readonly code: RejectCode; readonly message: string };

const refuse = (code: RejectCode, message: string): CheckResult => ({ ok: false, code, message });

interface Typed { readonly _item: Y.Item | null }

function rootName(doc: Y.Doc, type: Typed): string | null {
  let current: Typed = type;
  while (current._item !== null) {
    const parent = current._item.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    current = parent;
  }
  for (const [name, root] of doc.share) if (root === current) return name;
  return null;
}

/**
 * Applies a device's update to `scratch` (a copy of the committed document) and decides from what it
 * changed whether `actor` may make that change. On refusal the scratch copy is spoiled and must be
 * discarded; the committed document was never touched.
 */
export function checkUpdate(scratch: Y.Doc, update: Uint8Array, actor: Actor | null, ref: DocRef, now: number): CheckResult {
  let transaction: Y.Transaction | null = null;
  const added: unknown[] = [];
  const events = ref.kind === 'order' ? eventsArray(scratch) : null;
  const onTransaction = (tr: Y.Transaction): void => { transaction = tr; };
  const onEvents = (event: Y.YArrayEvent<unknown>): void => {
    for (const item of event.changes.added) added.push(...item.content.getContent());
  };
  scratch.on('afterTransaction', onTransaction);
  events?.observe(onEvents);
  try {
    Y.applyUpdate(scratch, update);
  } catch {
    return refuse('undecodable', 'The update is not a valid Yjs update.');
  } finally {
    scratch.off('afterTransaction', onTransaction);
    events?.unobserve(onEvents);
  }
  if (scratch.store.pendingStructs !== null || scratch.store.pendingDs !== null) {
    return refuse('missing_dependencies', 'The update builds on changes the server does not have; sync first.');
  }
  const tr = transaction as Y.Transaction | null;
  if (!tr || (tr.changed.size === 0 && tr.deleteSet.clients.size === 0)) return { ok: true, changed: false };
  if (!actor) return refuse('read_only', 'Sign in to change documents.');

  const writable = writableRoots(actor, ref);
  if (writable.size === 0) return refuse('read_only', 'Only the server writes this document.');
  const touched = new Set<string | null>();
  for (const type of tr.changed.keys()) touched.add(rootName(scratch, type));
  let deletedEvents = false;
  Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => {
    if (!(struct instanceof Y.Item) || !(struct.parent instanceof Y.AbstractType)) return;
    const root = rootName(scratch, struct.parent);
    touched.add(root);
    if (ref.kind === 'order' && root === EVENTS_ARRAY) deletedEvents = true;
  });
  for (const root of touched) {
    if (root === null || !writable.has(root)) return refuse('field_not_writable', `${actor.role} may not change "${root ?? 'unknown'}" here.`);
  }
  if (deletedEvents) return refuse('events_removed', 'Order events are append-only; none may be removed.');
  if (events) return checkAppendedEvents(events, added, actor, now);
  return { ok: true, changed: true };
}

function checkAppendedEvents(events: Y.Array<unknown>, added: readonly unknown[], actor: Actor, now: number): CheckResult {
  const fresh: OrderEvent[] = [];
  for (const value of added) {
    const parsed = parseOrderEvent(value);
    if (!parsed.ok) return refuse('event_invalid', `Not a valid order event: ${parsed.message}`);
    const e = parsed.event;
    if (e.by.id !== actor.id || e.by.role !== actor.role) return refuse('author_mismatch', 'An event must be authored by the signed-in user.');
    if (!mayAppend(actor.role, e.type)) return refuse('event_not_allowed', `${actor.role} may not add "${e.type}" events.`);
    if (e.at > now + MAX_CLOCK_SKEW_MS) return refuse('clock_skew', 'The event is stamped in the future; check the device clock.');
    fresh.push(e);
  }
  if (fresh.length > 0) {
    const ids = new Set(fresh.map((e) => e.id));
    let seen = 0;
    for (const value of events.toArray()) {
      const id = (value as { id?: unknown } | null)?.id;
      if (typeof id === 'string' && ids.has(id as OrderEvent['id'])) seen += 1;
    }
    if (seen !== ids.size || ids.size !== fresh.length) return refuse('event_invalid', 'An event id is used twice.');
  }
  return { ok: true, changed: true };
}
