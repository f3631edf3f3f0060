import type * as Y from 'yjs';
import { outletDocName } from '../../../shared/docNames';
import { OUTLET_ROOTS, readCatalog, type Catalog } from '../../../shared/catalog/outletDoc';
import { availabilitySchema, busySchema, pausedSchema, STATUS_KEYS } from '../../../shared/catalog/outletStatus';
import type { OutletId } from '../../../shared/ids';
import type { Actor } from '../../../shared/roles';
import { done, refuse, type CommandOutcome } from '../commands/commandOutcome';

/** What outlet commands need: who acts, and the documents the device holds. */
export interface OutletCommandContext {
  readonly actor: Actor;
  readonly docs: { get(docName: string): Y.Doc | undefined };
}

interface HeldOutlet {
  readonly doc: Y.Doc;
  readonly catalog: Catalog;
}

function heldOutlet(ctx: OutletCommandContext, outletId: OutletId): HeldOutlet | string {
  const { actor } = ctx;
  if (actor.role === 'driver' || (actor.role === 'outlet' && actor.outletId !== outletId)) return 'Only this outlet’s staff can change it.';
  const doc = ctx.docs.get(outletDocName(outletId));
  if (!doc) return 'The outlet’s menu is not on this device yet.';
  const catalog = readCatalog(doc);
  return catalog ? { doc, catalog } : 'The outlet’s menu has not arrived on this device yet.';
}

/** Items and modifier options by id: what can be marked unavailable. */
function menuNames(catalog: Catalog): Map<string, string> {
  const names = new Map<string, string>();
  for (const item of catalog.menu.items) {
    names.set(item.id, item.name);
    for (const group of item.modifierGroups) for (const option of group.options) names.set(option.id, option.name);
  }
  return names;
}

function checkUntil(until: number | null, now: number): string | null {
  if (until === null) return null;
  return Number.isInteger(until) && until > now ? null : 'The end time must be in the future.';
}

/** "86" an item or a modifier option: unavailable until `until`, or until someone brings it back (null). */
export function markUnavailable(
  ctx: OutletCommandContext,
  outletId: OutletId,
  id: string,
  until: number | null,
  now: number = Date.now(),
): CommandOutcome {
  const outlet = heldOutlet(ctx, outletId);
  if (typeof outlet === 'string') return refuse(outlet);
  if (!menuNames(outlet.catalog).has(id)) return refuse('That is not on this outlet’s menu.');
  const bad = checkUntil(until, now);
  if (bad) return refuse(bad);
  const entry = availabilitySchema.safeParse({ available: false, ...(until === null ? {} : { until }), at: now });
  if (!entry.success) return refuse('That end time cannot be stored.');
  outlet.doc.getMap(OUTLET_ROOTS.availability).set(id, entry.data);
  return done;
}

/** Brings an item or option back: the entry is removed, so nothing is left to expire. */
export function markAvailable(ctx: OutletCommandContext, outletId: OutletId, id: string): CommandOutcome {
  const outlet = heldOutlet(ctx, outletId);
  if (typeof outlet === 'string') return refuse(outlet);
  const map = outlet.doc.getMap(OUTLET_ROOTS.availability);
  if (map.has(id)) map.delete(id);
  return done;
}

/** Busy mode: `extraMinutes` more on every prep time until `until`, when it ends by itself. */
export function startBusy(
  ctx: OutletCommandContext,
  outletId: OutletId,
  extraMinutes: number,
  until: number,
  now: number = Date.now(),
): CommandOutcome {
  const outlet = heldOutlet(ctx, outletId);
  if (typeof outlet === 'string') return refuse(outlet);
  const bad = checkUntil(until, now);
  if (bad) return refuse(bad);
  const busy = busySchema.safeParse({ extraMinutes, until, at: now });
  if (!busy.success) return refuse('Busy mode adds 5 to 120 minutes.');
  outlet.doc.getMap(OUTLET_ROOTS.status).set(STATUS_KEYS.busy, busy.data);
  return done;
}

export function endBusy(ctx: OutletCommandContext, outletId: OutletId): CommandOutcome {
  return removeStatus(ctx, outletId, STATUS_KEYS.busy);
}

/** Stops new orders until `until` (null: until someone resumes), telling customers why. */
export function pauseOrders(
  ctx: OutletCommandContext,
  outletId: OutletId,
  until: number | null,
  reason: string,
  now: number = Date.now(),
): CommandOutcome {
  const outlet = heldOutlet(ctx, outletId);
  if (typeof outlet === 'string') return refuse(outlet);
  const bad = checkUntil(until, now);
  if (bad) return refuse(bad);
  const paused = pausedSchema.safeParse({ until, reason: reason.trim(), at: now });
  if (!paused.success) return refuse('Keep the reason under 200 characters.');
  outlet.doc.getMap(OUTLET_ROOTS.status).set(STATUS_KEYS.paused, paused.data);
  return done;
}

export function resumeOrders(ctx: OutletCommandContext, outletId: OutletId): CommandOutcome {
  return removeStatus(ctx, outletId, STATUS_KEYS.paused);
}

function removeStatus(ctx: OutletCommandContext, outletId: OutletId, key: string): CommandOutcome {
  const outlet = heldOutlet(ctx, outletId);
  if (typeof outlet === 'string') return refuse(outlet);
  const map = outlet.doc.getMap(OUTLET_ROOTS.status);
  if (map.has(key)) map.delete(key);
  return done;
}
