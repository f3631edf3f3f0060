import { expect } from 'vitest';
import * as Y from 'yjs';
import { OUTLET_ROOTS, readCatalog } from '../../../../shared/catalog/outletDoc';
import { readEvents, readOrder } from '../../../../shared/order/orderDoc';
import type { OrderState } from '../../../../shared/order/reduceOrder';
import { ORDER_STATUSES } from '../../../../shared/order/status';
import type { ChaosWorld } from './chaosWorld';
import { refOf } from './chaosWorld';

const summary = (s: OrderState) => ({
  status: s.status,
  driverId: s.driverId,
  applied: s.applied.map((e) => e.id),
  conflicts: s.conflicts.map((c) => c.event.id),
});

/** True when applying `updates` to a copy of `doc` adds nothing and leaves nothing waiting: `doc` holds all of them. */
export function holdsAll(doc: Y.Doc, updates: readonly Uint8Array[]): boolean {
  if (updates.length === 0) return true;
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.snapshot(copy);
  Y.applyUpdate(copy, Y.mergeUpdates([...updates]));
  const holds = Y.equalSnapshots(before, Y.snapshot(copy)) && copy.store.pendingStructs === null && copy.store.pendingDs === null;
  copy.destroy();
  return holds;
}

/** An order the server holds is valid: a known status, no malformed entry, no committed event backdated. */
function expectValidOrder(name: string, doc: Y.Doc): OrderState {
  const view = readOrder(doc);
  if (!view) throw new Error(`${name} has no readable header`);
  const { seenAt, malformed } = readEvents(doc);
  expect(malformed, `${name}: malformed entries`).toBe(0);
  expect(ORDER_STATUSES, name).toContain(view.state.status);
  for (const e of view.state.applied) {
    expect(e.at, `${name}: ${e.id} is backdated`).toBeGreaterThanOrEqual(seenAt.get(e.id) ?? Number.NEGATIVE_INFINITY);
    if (view.state.placedAt !== null) expect(e.at, `${name}: ${e.id} predates placed`).toBeGreaterThanOrEqual(view.state.placedAt);
  }
  return view.state;
}

function expectValidOutlet(name: string, doc: Y.Doc): void {
  const catalog = readCatalog(doc);
  if (!catalog) throw new Error(`${name} has no readable catalogue`);
  expect(catalog.availability.size, `${name}: availability entries that do not parse`).toBe(doc.getMap(OUTLET_ROOTS.availability).size);
  const onMenu = new Set(catalog.menu.items.flatMap((i) => [i.id, ...i.modifierGroups.flatMap((g) => g.options.map((o) => o.id))]));
  for (const key of catalog.availability.keys()) expect(onMenu, `${name}: availability for ${key}`).toContain(key);
}

/**
 * After `settle`: no device has anything left to send; every replica holds the same state as the
 * server (state vector and delete set), holds every update any device saw ACKed, and reduces each
 * order to the same view; what the server holds is valid; and a fresh process loading the documents
 * from disk after a kill -9 finds exactly that state, whole.
 */
export async function expectConverged(world: ChaosWorld): Promise<void> {
  for (const device of world.devices) {
    expect(device.unsyncedCount, `${device.label}: rows never ACKed`).toBe(0);
    expect(device.lastingRefusals, device.label).toEqual([]);
  }
  const settled = new Map<string, Y.Snapshot>();
  for (const name of world.docNames) {
    const acked = world.acked.get(name) ?? [];
    const server = await world.serverDoc(name, (doc) => ({ ydoc: doc.ydoc, incomplete: doc.incomplete, running: doc.orderView() }));
    expect(server.incomplete, `${name}: the server holds a gap`).toBe(false);
    expect(holdsAll(server.ydoc, acked), `${name}: the server lost an ACKed update`).toBe(true);
    const snapshot = Y.snapshot(server.ydoc);
    settled.set(name, snapshot);
    const kind = refOf(name).kind;
    const state = kind === 'order' ? summary(expectValidOrder(name, server.ydoc)) : null;
    if (kind === 'order')
      expect(summary(server.running?.state ?? expectValidOrder(name, server.ydoc)), `${name}: running fold`).toEqual(state);
    else expectValidOutlet(name, server.ydoc);
    for (const device of world.devices) {
      const doc = device.docs.get(name);
      if (!doc) continue;
      expect(holdsAll(doc, acked), `${device.label} lacks an ACKed update of ${name}`).toBe(true);
      expect(Y.equalSnapshots(Y.snapshot(doc), snapshot), `${device.label} differs from the server on ${name}`).toBe(true);
      if (state) expect(summary(readOrder(doc)?.state ?? expectValidOrder(name, doc)), `${device.label}: ${name}`).toEqual(state);
    }
  }
  await world.hardRestart();
  for (const name of world.docNames) {
    const fresh = await world.serverDoc(name, (doc) => ({ snapshot: Y.snapshot(doc.ydoc), incomplete: doc.incomplete }));
    expect(fresh.incomplete, `${name} reloads with a gap`).toBe(false);
    const before = settled.get(name);
    expect(before !== undefined && Y.equalSnapshots(fresh.snapshot, before), `${name} reloads to another state`).toBe(true);
  }
}
