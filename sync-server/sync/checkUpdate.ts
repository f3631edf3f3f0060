import * as Y from 'yjs';
import { ledgerMap } from '../../shared/cash/ledgerEntries';
import type { DocRef } from '../../shared/docNames';
import { EVENTS_ARRAY, eventsArray } from '../../shared/order/orderDoc';
import { writableRoots } from '../../shared/permissions';
import type { Actor } from '../../shared/roles';
import { checkAppendedEvents, checkEventsShape } from './checks/orderDoc';
import { integratedAnything, pendingGrew, pendingOf } from './checks/pending';
import type { OrderLog } from './orderLog';
import { checkLedgerWrite } from './checks/cashLedger';
import { checkOutletWrite, prepareOutletDoc } from './checks/outletDoc';
import { ACCEPTED, refuse, rootName, UNCHANGED, type CheckResult } from './checks/result';

export type { CheckResult } from './checks/result';

const SIGN_IN = 'Sign in to change documents.';
const NO_HEADER = 'The order has no header yet.';

/**
 * Why `actor` may not write `touched` (roots of `ref`): this role writes nothing here, or the first root it
 * may not write; null when it may write them all.
 */
function rootsRefusal(actor: Actor, ref: DocRef, touched: Iterable<string | null>): CheckResult | null {
  const writable = writableRoots(actor, ref);
  if (writable.size === 0) return refuse('read_only', 'Only the server writes this document.');
  for (const root of touched) {
    if (root === null || !writable.has(root))
      return refuse('field_not_writable', `${actor.role} may not change "${root ?? 'unknown'}" here.`);
  }
  return null;
}

/**
 * The check of an update that only appends plain entries to an order's events (see plainAppend.ts): the
 * same rules `checkUpdate` applies to such an update, decided without applying it anywhere.
 */
export function checkPlainAppend(
  items: readonly Y.Item[],
  actor: Actor | null,
  ref: DocRef,
  now: number,
  order: OrderLog | null,
): CheckResult {
  if (!actor) return refuse('read_only', SIGN_IN);
  const outside = rootsRefusal(actor, ref, [EVENTS_ARRAY]);
  if (outside) return outside;
  return order ? checkAppendedEvents(items, order, actor, now) : refuse('event_invalid', NO_HEADER);
}

/**
 * Applies a device's update to `scratch` (a copy of the committed document) and decides from what it
 * changed whether `actor` may make that change: first which roots this role may touch at all, then
 * what each kind of document allows inside them (checks/). On refusal the scratch copy is spoiled and
 * must be discarded; the committed document was never touched.
 */
export function checkUpdate(
  scratch: Y.Doc,
  update: Uint8Array,
  actor: Actor | null,
  ref: DocRef,
  now: number,
  order: OrderLog | null,
): CheckResult {
  let transaction: Y.Transaction | null = null;
  const added: Y.Item[] = [];
  const events = ref.kind === 'order' ? eventsArray(scratch) : null;
  if (ref.kind === 'outlet') prepareOutletDoc(scratch);
  // As for outlets: the root is a Y.Map before the update lands, so what a device pushed is seen there.
  if (ref.kind === 'cashLedger') ledgerMap(scratch);
  const onTransaction = (tr: Y.Transaction): void => {
    transaction = tr;
  };
  const onEvents = (event: Y.YArrayEvent<unknown>): void => {
    for (const item of event.changes.added) added.push(item);
  };
  const pendingBefore = pendingOf(scratch);
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
  if (pendingGrew(pendingBefore, pendingOf(scratch))) {
    return refuse('missing_dependencies', 'The update builds on changes the server does not have; sync first.');
  }
  const tr = transaction as Y.Transaction | null;
  // Anything integrated counts, GC structs included: judging by changed types alone would let an
  // update that only advances clocks through unchecked.
  if (!tr || !integratedAnything(tr)) return UNCHANGED;
  if (!actor) return refuse('read_only', SIGN_IN);
  const touched = new Set<string | null>();
  for (const type of tr.changed.keys()) touched.add(rootName(scratch, type));
  const deleted = { events: false, ledger: false };
  Y.iterateDeletedStructs(tr, tr.deleteSet, (struct) => {
    if (!(struct instanceof Y.Item) || !(struct.parent instanceof Y.AbstractType)) return;
    const root = rootName(scratch, struct.parent);
    touched.add(root);
    if (ref.kind === 'order' && root === EVENTS_ARRAY) deleted.events = true;
    if (ref.kind === 'cashLedger') deleted.ledger = true;
  });
  const outside = rootsRefusal(actor, ref, touched);
  if (outside) return outside;
  if (deleted.events) return refuse('events_removed', 'Order events are append-only; none may be removed.');
  if (deleted.ledger) return refuse('invalid_value', 'Cash ledger entries are written once; none may be replaced or removed.');
  if (events) {
    const shape = checkEventsShape(scratch, tr);
    if (!shape.ok) return shape;
    return order ? checkAppendedEvents(added, order, actor, now) : refuse('event_invalid', NO_HEADER);
  }
  if (ref.kind === 'outlet') return checkOutletWrite(scratch, tr, ref.outletId);
  if (ref.kind === 'cashLedger') return checkLedgerWrite(scratch, tr, actor, ref.driverId, now);
  return ACCEPTED;
}
