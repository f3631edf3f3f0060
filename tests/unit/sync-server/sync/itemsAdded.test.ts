import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { itemsAdded } from '../../../../sync-server/sync/itemsAdded';

type Edit =
  | { readonly kind: 'push' | 'insert'; readonly replica: number; readonly at: number; readonly values: readonly number[] }
  | { readonly kind: 'delete'; readonly replica: number; readonly at: number; readonly length: number }
  | { readonly kind: 'map'; readonly replica: number; readonly at: number }
  | { readonly kind: 'sync'; readonly from: number; readonly to: number }
  | { readonly kind: 'relay'; readonly from: number; readonly to: number; readonly update: number };

const replica = fc.integer({ min: 0, max: 2 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('push' as const, 'insert' as const),
    replica,
    at: fc.nat(),
    values: fc.array(fc.integer(), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), replica, at: fc.nat(), length: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('map' as const), replica, at: fc.nat() }),
  fc.record({ kind: fc.constant('sync' as const), from: replica, to: replica }),
  // One update a replica made, out of order: it waits for what it builds on, and integrates when that comes.
  fc.record({ kind: fc.constant('relay' as const), from: replica, to: replica, update: fc.nat() }),
);

/** Runs `edit` on one of `docs` (whose own updates are in `made`), several changes per transaction where it can. */
function run(docs: readonly Y.Doc[], made: readonly Uint8Array[][], e: Edit): void {
  if (e.kind === 'relay') {
    const updates = made[e.from] ?? [];
    const update = updates[e.update % Math.max(1, updates.length)];
    const to = docs[e.to];
    if (update && to && e.from !== e.to) Y.applyUpdate(to, update, 'relay');
    return;
  }
  if (e.kind === 'sync') {
    const [from, to] = [docs[e.from], docs[e.to]];
    if (from && to && from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
    return;
  }
  const doc = docs[e.replica];
  if (!doc) return;
  const list = doc.getArray<unknown>('events');
  doc.transact(() => {
    if (e.kind === 'push') list.push([...e.values]);
    else if (e.kind === 'insert') list.insert(e.at % (list.length + 1), [...e.values]);
    else if (e.kind === 'delete' && list.length > 0)
      list.delete(e.at % list.length, Math.min(e.length, list.length - (e.at % list.length)));
    // Another root in the same transaction: its structs are new too, but not the list's.
    else if (e.kind === 'map') doc.getMap('order').set(`k${e.at % 3}`, e.at);
    if (e.kind === 'insert' && list.length > 1) list.delete(0, 1);
  });
}

describe('the entries a transaction added to a list', () => {
  it('are the live entries Yjs lists as added, for any edits from several replicas, relayed in any order', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 40 }), (edits) => {
        const docs = [0, 1, 2].map((i) => {
          const doc = new Y.Doc();
          doc.clientID = 100 + i;
          return doc;
        });
        const made = docs.map((doc) => {
          const own: Uint8Array[] = [];
          doc.on('update', (update: Uint8Array, origin: unknown) => {
            if (origin === null) own.push(update);
          });
          return own;
        });
        let compared = 0;
        for (const doc of docs) {
          doc.getArray<unknown>('events').observe((event) => {
            expect(new Set(itemsAdded(event.target, event.transaction))).toEqual(event.changes.added);
            compared += 1;
          });
        }
        for (const e of edits) run(docs, made, e);
        return compared >= 0;
      }),
      { numRuns: 300 },
    );
  });

  it('finds the entries a list got in one transaction among many earlier ones', () => {
    const doc = new Y.Doc();
    const list = doc.getArray<number>('events');
    for (let i = 0; i < 50; i += 1) list.push([i]);
    let added: Y.Item[] = [];
    list.observe((event) => {
      added = itemsAdded(event.target, event.transaction);
    });
    doc.transact(() => {
      list.push([50, 51]);
      list.insert(10, [52]);
    });
    expect(added.flatMap((item) => item.content.getContent())).toEqual(expect.arrayContaining([50, 51, 52]));
    expect(added.reduce((n, item) => n + item.length, 0)).toBe(3);
  });
});
