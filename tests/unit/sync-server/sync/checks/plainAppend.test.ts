import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocRef } from '../../../../../shared/docNames';
import type { OrderId } from '../../../../../shared/ids';
import { createOrderDoc, eventsArray, orderMap } from '../../../../../shared/order/orderDoc';
import type { Actor } from '../../../../../shared/roles';
import { checkPlainAppend, checkUpdate } from '../../../../../sync-server/sync/checkUpdate';
import { plainAppendedItems, decodeDeviceUpdate } from '../../../../../sync-server/sync/checks/plainAppend';
import { OrderLog } from '../../../../../sync-server/sync/orderLog';
import { craftUpdate, itemUpdate } from '../../../../integration/support/craftedUpdates';
import { ADMIN_ACTOR, DRIVER1_ACTOR, header, OUTLET_ACTOR, T0 } from '../../../shared/order/fixtures';

const REF: DocRef = { kind: 'order', orderId: 'order-1' as OrderId };
const NOW = T0 + 3_600_000;
let serial = 0;
const note = (actor: Actor, at = T0 + 60_000) => ({
  id: `note-${++serial}`,
  type: 'note',
  at,
  by: { id: actor.id, role: actor.role },
  text: 'hello',
});

/** The server's committed order, and a device holding a copy of it. */
function committedOrder(): { server: Y.Doc; device: Y.Doc } {
  const server = new Y.Doc();
  createOrderDoc(server, header());
  const device = new Y.Doc();
  Y.applyUpdate(device, Y.encodeStateAsUpdate(server));
  return { server, device };
}

/** What `edit` on the device sends the server: the device's changes the server lacks. */
function sent(server: Y.Doc, device: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  edit(device);
  return Y.encodeStateAsUpdate(device, Y.encodeStateVector(server));
}

function itemsOf(server: Y.Doc, update: Uint8Array): Y.Item[] | null {
  const decoded = decodeDeviceUpdate(update);
  if (!decoded.ok) throw new Error('undecodable');
  return plainAppendedItems(server, decoded.value);
}

describe('a plain append of order events', () => {
  it('is recognised in what a device sends for one entry, several, and several pushes at once', () => {
    const { server, device } = committedOrder();
    expect(
      itemsOf(
        server,
        sent(server, device, (d) => eventsArray(d).push([note(OUTLET_ACTOR)])),
      )?.length,
    ).toBe(1);
    const several = sent(server, device, (d) => {
      eventsArray(d).push([note(OUTLET_ACTOR), note(OUTLET_ACTOR)]);
      eventsArray(d).push([note(OUTLET_ACTOR)]);
    });
    const items = itemsOf(server, several);
    expect(items?.reduce((n, item) => n + item.length, 0)).toBe(4);
  });

  it.each<[string, (doc: Y.Doc) => void]>([
    ['an entry inserted before another (placed by its right neighbour too)', (d) => eventsArray(d).insert(0, [note(OUTLET_ACTOR)])],
    ['an entry deleted', (d) => eventsArray(d).delete(0, 1)],
    ['a header field written again (its origin is the old value, in the order map)', (d) => orderMap(d).set('currency', 'INR')],
    ['a nested shared type', (d) => eventsArray(d).push([new Y.Map()])],
    ['binary content', (d) => eventsArray(d).push([new Uint8Array([1, 2])])],
    [
      'an append and a header change together',
      (d) => d.transact(() => (eventsArray(d).push([note(OUTLET_ACTOR)]), orderMap(d).set('x', 1))),
    ],
  ])('is not what a device sends for %s: the full check decides', (_what, edit) => {
    const { server, device } = committedOrder();
    expect(itemsOf(server, sent(server, device, edit))).toBeNull();
  });

  it('is not an update whose clocks leave a gap, repeat what the server has, or come from two clients', () => {
    const { server, device } = committedOrder();
    const first = sent(server, device, (d) => eventsArray(d).push([note(OUTLET_ACTOR)]));
    const afterFirst = sent(server, device, (d) => eventsArray(d).push([note(OUTLET_ACTOR)]));
    const gap = Y.encodeStateAsUpdate(device, stateAfter(server, first));
    expect(itemsOf(server, gap)).toBeNull();
    Y.applyUpdate(server, afterFirst);
    expect(itemsOf(server, first)).toBeNull();

    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    eventsArray(other).push([note(ADMIN_ACTOR)]);
    eventsArray(device).push([note(OUTLET_ACTOR)]);
    const fromBoth = Y.mergeUpdates([
      Y.encodeStateAsUpdate(other, Y.encodeStateVector(server)),
      Y.encodeStateAsUpdate(device, Y.encodeStateVector(server)),
    ]);
    expect(itemsOf(server, fromBoth)).toBeNull();
  });

  it('is not a hand-built update with GC structs, skips or a delete set', () => {
    const { server } = committedOrder();
    const client = 4242;
    expect(itemsOf(server, craftUpdate([{ client, clock: 0, kind: 'gc', length: 3 }]))).toBeNull();
    expect(itemsOf(server, craftUpdate([{ client, clock: 0, kind: 'skip', length: 3 }]))).toBeNull();
    const writer = eventsArray(server)._start?.id.client ?? 0;
    expect(itemsOf(server, craftUpdate([], [{ client: writer, clock: 0, length: 1 }]))).toBeNull();
  });

  it('is not an append to a document still waiting for missing changes', () => {
    const { server, device } = committedOrder();
    const early = sent(server, device, (d) => eventsArray(d).push([note(OUTLET_ACTOR)]));
    eventsArray(device).push([note(OUTLET_ACTOR)]);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(device, stateAfter(server, early)));
    expect(server.store.pendingStructs).not.toBeNull();
    expect(itemsOf(server, early)).toBeNull();
  });

  it('is not an entry placed by a right origin too, even one that names an event: where it lands depends on both', () => {
    const { server } = committedOrder();
    const placed = eventsArray(server)._start;
    const field = orderMap(server)._map.get('currency');
    if (!placed || !field) throw new Error('the order has no placed event or currency');
    expect(itemsOf(server, itemUpdate(999, 0, placed.id, field.id, [note(OUTLET_ACTOR)]))).toBeNull();
    expect(itemsOf(server, itemUpdate(999, 0, placed.id, placed.id, [note(OUTLET_ACTOR)]))).toBeNull();
  });

  it('is not a value after a header field, sent without the deletion Yjs would add: it would replace the field', () => {
    const { server } = committedOrder();
    const field = orderMap(server)._map.get('currency');
    if (!field) throw new Error('the order has no currency');
    const update = itemUpdate(999, 0, field.lastId, null, [note(OUTLET_ACTOR)]);
    expect(itemsOf(server, update)).toBeNull();
    const verdict = checkUpdate(copyOf(server), update, OUTLET_ACTOR, REF, NOW, new OrderLog(server));
    expect(verdict.ok ? 'accepted' : verdict.error.code).toBe('field_not_writable');
  });
});

type Edit =
  | {
      readonly kind: 'append';
      readonly device: number;
      readonly as: number;
      readonly count: number;
      readonly when: 'now' | 'before placed' | 'future';
    }
  | { readonly kind: 'not an event' | 'insert first' | 'delete' | 'header' | 'nested'; readonly device: number; readonly as: number }
  | { readonly kind: 'pull'; readonly device: number; readonly as: number };

const ACTORS: readonly Actor[] = [OUTLET_ACTOR, DRIVER1_ACTOR, ADMIN_ACTOR];
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('append' as const),
      device: fc.nat(2),
      as: fc.nat(2),
      count: fc.integer({ min: 1, max: 3 }),
      when: fc.constantFrom('now' as const, 'before placed' as const, 'future' as const),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'not an event' as const,
        'insert first' as const,
        'delete' as const,
        'header' as const,
        'nested' as const,
        'pull' as const,
      ),
      device: fc.nat(2),
      as: fc.nat(2),
    }),
  },
);

function edit(doc: Y.Doc, e: Edit, author: Actor, clock: number): void {
  const events = eventsArray(doc);
  if (e.kind === 'append') {
    const at = e.when === 'now' ? clock : e.when === 'future' ? NOW + 3_600_000 : T0 - 60_000;
    events.push(Array.from({ length: e.count }, () => note(author, at)));
  } else if (e.kind === 'not an event') events.push([{ hello: 'world' }]);
  else if (e.kind === 'insert first') events.insert(0, [note(author, clock)]);
  else if (e.kind === 'delete' && events.length > 0) events.delete(events.length - 1, 1);
  else if (e.kind === 'header') orderMap(doc).set('currency', note(author, clock));
  else if (e.kind === 'nested') events.push([new Y.Map()]);
}

/** What a check decided, in the terms that matter: refused, or accepted with these events. */
const verdictOf = (result: ReturnType<typeof checkUpdate>): string | { changed: boolean; events: string[] } =>
  result.ok ? { changed: result.value.changed, events: result.value.events.map((e) => e.id) } : 'refused';

describe('the plain-append check', () => {
  it('decides every update it recognises as the full check on a scratch copy does', () => {
    let recognised = 0;
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 15 }), (edits) => {
        const { server } = committedOrder();
        const log = new OrderLog(server);
        const devices = ACTORS.map(() => copyOf(server));
        for (const [i, e] of edits.entries()) {
          const device = devices[e.device];
          const as = ACTORS[e.as];
          if (!device || !as) continue;
          if (e.kind === 'pull') {
            Y.applyUpdate(device, Y.encodeStateAsUpdate(server, Y.encodeStateVector(device)));
            continue;
          }
          const update = sent(server, device, (d) => edit(d, e, ACTORS[e.device] ?? as, T0 + (i + 1) * 60_000));
          const full = checkUpdate(copyOf(server), update, as, REF, NOW, log);
          const items = itemsOf(server, update);
          if (items) {
            recognised += 1;
            expect(verdictOf(checkPlainAppend(items, as, REF, NOW, log))).toEqual(verdictOf(full));
          }
          if (full.ok && full.value.changed) Y.applyUpdate(server, update);
        }
      }),
      { numRuns: 300 },
    );
    expect(recognised).toBeGreaterThan(300);
  });
});

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** The server's state vector had it taken `update`, without taking it. */
function stateAfter(server: Y.Doc, update: Uint8Array): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(server));
  Y.applyUpdate(copy, update);
  return Y.encodeStateVector(copy);
}
