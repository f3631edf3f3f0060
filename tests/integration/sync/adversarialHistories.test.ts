import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocRef } from '../../../shared/docNames';
import type { OrderId, UserId } from '../../../shared/ids';
import { EVENT_TYPES, orderEventSchema, type EventType, type OrderEvent } from '../../../shared/order/events';
import { appendEvent, createOrderDoc, readEvents, readOrder } from '../../../shared/order/orderDoc';
import type { OrderState } from '../../../shared/order/reduceOrder';
import { isTerminal } from '../../../shared/order/status';
import { mayAppend } from '../../../shared/permissions';
import { SYSTEM_ID, type Actor } from '../../../shared/roles';
import { createLogger } from '../../../sync-server/log';

import { DocStore } from '../../../sync-server/storage/docStore';
import { DocRegistry } from '../../../sync-server/sync/docRegistry';
import type { Subscriber, SyncedDoc } from '../../../sync-server/sync/syncedDoc';
import { ADMIN_ACTOR, DRIVER1_ACTOR, header, OUTLET_ACTOR, SAMPLE_EVENT_DATA } from '../../unit/shared/order/fixtures';
import { openSqliteAt, type SqliteAt } from '../support/sqlStorage';
import { tempDataDir } from '../support/server';

const REF: DocRef = { kind: 'order', orderId: 'order-1' as OrderId };
const ACTORS: readonly Actor[] = [OUTLET_ACTOR, DRIVER1_ACTOR, ADMIN_ACTOR];
const MINUTE = 60_000;
/** Every type a device might write; `assigned` is the server's (the `assign` step). */
const ADVERSARIAL_TYPES = EVENT_TYPES.filter((t) => t !== 'placed' && t !== 'assigned');

const opened: SqliteAt[] = [];
afterEach(async () => {
  for (const storage of opened.splice(0)) await storage.close();
});

/** A device holding the order: its replica, and the updates it made that the server has not taken yet. */
class Device implements Subscriber {
  readonly doc = new Y.Doc();
  outbox: Uint8Array[] = [];
  constructor(readonly actor: Actor) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) this.outbox.push(update);
    });
  }
  sendUpdate(): void {}
  sendAwareness(): void {}
  dropped(): void {}
  newest(): number {
    return readEvents(this.doc).events.reduce((max, e) => Math.max(max, e.at), 0);
  }
}

type Step =
  | {
      readonly kind: 'append';
      readonly device: number;
      readonly type: EventType;
      readonly when: 'honest' | 'backdated' | 'any';
      readonly minutes: number;
    }
  | { readonly kind: 'push' | 'pull'; readonly device: number }
  | { readonly kind: 'assign' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('append' as const),
      device: fc.nat(2),
      type: fc.constantFrom(...ADVERSARIAL_TYPES),
      when: fc.constantFrom('honest' as const, 'backdated' as const, 'any' as const),
      minutes: fc.integer({ min: 0, max: 120 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('push' as const, 'pull' as const), device: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'assign' as const }) },
);

const summary = (s: OrderState) => ({
  status: s.status,
  driverId: s.driverId,
  applied: s.applied.map((e) => e.id),
  conflicts: s.conflicts.map((c) => c.event.id),
});

describe('adversarial histories through the server check', () => {
  // 300 generated histories take ~20 s on a quiet machine; a loaded one has taken 86 s, past the 60 s default.
  it("never reopen a finished order, never commit a backdated event, and the server's running fold agrees with reduceOrder", async () => {
    const base = Date.now() - 10 * 60 * MINUTE;
    let serial = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 5, maxLength: 40 }), async (steps) => {
        const storage = await openSqliteAt(tempDataDir('adversarial'));
        opened.push(storage);
        const registry = new DocRegistry(new DocStore(storage.sql), 60_000, createLogger('silent'));
        const server = await registry.acquire(REF);
        await server.change((y) => createOrderDoc(y, { ...header('delivery'), createdAt: base }));
        const devices = ACTORS.map((a) => new Device(a));
        const pull = (d: Device): void => Y.applyUpdate(d.doc, server.stateAsUpdate(Y.encodeStateVector(d.doc)), 'server');
        devices.forEach(pull);
        let finished: string | null = null;
        for (const step of steps) {
          if (step.kind === 'assign') {
            await server.change((y) =>
              appendEvent(
                y,
                orderEventSchema.parse({
                  id: `sys-${++serial}`,
                  type: 'assigned',
                  at: Math.max(Date.now() - 9 * 60 * MINUTE, (server.orderView()?.state.applied.at(-1)?.at ?? 0) + 1),
                  by: { id: SYSTEM_ID, role: 'system' },
                  driverId: DRIVER1_ACTOR.id,
                }),
              ),
            );
          } else {
            const device = devices[step.device];
            if (!device) continue;
            if (step.kind === 'append') append(device, step, base, ++serial);
            else if (step.kind === 'pull') pull(device);
            else await push(server, device, pull);
          }
          checkAgreement(server);
          const status = server.orderView()?.state.status ?? 'placed';
          if (finished !== null) expect(status).toBe(finished);
          else if (isTerminal(status)) finished = status;
        }
        for (const d of devices) await push(server, d, pull);
        devices.forEach(pull);
        const expected = summary(readOrder(server.ydoc)?.state ?? fail());
        for (const d of devices) expect(summary(readOrder(d.doc)?.state ?? fail())).toEqual(expected);
        await registry.closeAll();
      }),
      { numRuns: Number(process.env.DABBA_PROPERTY_RUNS ?? 300) },
    );
  }, 240_000);
});

function append(device: Device, step: Extract<Step, { kind: 'append' }>, base: number, serial: number): void {
  if (!mayAppend(device.actor.role, step.type)) return;
  const newest = device.newest();
  const at =
    step.when === 'honest'
      ? newest + 1 + step.minutes * 1000
      : step.when === 'backdated'
        ? newest - step.minutes * MINUTE
        : base + step.minutes * 5 * MINUTE;
  const event: OrderEvent = orderEventSchema.parse({
    ...SAMPLE_EVENT_DATA[step.type],
    id: `e-${serial}`,
    type: step.type,
    at,
    by: { id: device.actor.id as UserId, role: device.actor.role },
  });
  device.doc.transact(() => appendEvent(device.doc, event), device);
}

/** Sends the device's updates in order; a refused one is dropped with everything after it, as the app does on REJECT. */
async function push(server: SyncedDoc, device: Device, pull: (d: Device) => void): Promise<void> {
  const outbox = device.outbox;
  device.outbox = [];
  for (const update of outbox) {
    if (!(await server.commitFrom(device, update)).ok) {
      const fresh = new Y.Doc();
      Y.applyUpdate(fresh, server.stateAsUpdate());
      device.doc.destroy();
      Object.assign(device, { doc: rebuilt(device, fresh) });
      pull(device);
      return;
    }
  }
}

function rebuilt(device: Device, from: Y.Doc): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(from));
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === device) device.outbox.push(update);
  });
  return doc;
}

/** The server's incremental fold equals a full reduce of what it committed, and what it committed is causal. */
function checkAgreement(server: SyncedDoc): void {
  const full = readOrder(server.ydoc);
  const running = server.orderView();
  if (!full || !running) throw new Error('the order has no header');
  expect(summary(running.state)).toEqual(summary(full.state));
  const { seenAt } = readEvents(server.ydoc);
  for (const e of full.state.applied) {
    expect(e.at).toBeGreaterThanOrEqual(seenAt.get(e.id) ?? Number.NEGATIVE_INFINITY);
    if (full.state.placedAt !== null) expect(e.at).toBeGreaterThanOrEqual(full.state.placedAt);
  }
}

function fail(): never {
  throw new Error('the order has no header');
}
