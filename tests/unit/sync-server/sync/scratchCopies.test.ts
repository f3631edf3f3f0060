import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocRef } from '../../../../shared/docNames';
import type { OrderId, OutletId } from '../../../../shared/ids';
import { ScratchCopies } from '../../../../sync-server/sync/scratchCopies';

const ORDER: DocRef = { kind: 'order', orderId: 'order-1' as OrderId };
const OUTLET: DocRef = { kind: 'outlet', outletId: 'outlet-1' as OutletId };

function committedWith(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
}

describe('scratch copies of a committed document', () => {
  it('are equal to the document when taken', () => {
    const committed = committedWith('hello');
    const copy = new ScratchCopies(committed, OUTLET).take();
    expect(copy.getText('t').toString()).toBe('hello');
    expect(copy).not.toBe(committed);
  });

  it('are kept between writes for an outlet, and follow what reaches the document without a write', () => {
    const committed = committedWith('a');
    const copies = new ScratchCopies(committed, OUTLET);
    const copy = copies.take();
    copies.giveBack(copy);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(committed));
    other.getText('t').insert(1, 'b');
    const update = Y.encodeStateAsUpdate(other, Y.encodeStateVector(committed));
    Y.applyUpdate(committed, update);
    copies.follow(update);
    const again = copies.take();
    expect(again).toBe(copy);
    expect(again.getText('t').toString()).toBe('ab');
  });

  it('are not kept for an order: each write that needs one copies the document as it is then', () => {
    const committed = committedWith('a');
    const copies = new ScratchCopies(committed, ORDER);
    const copy = copies.take();
    copies.giveBack(copy);
    committed.getText('t').insert(1, 'b');
    const next = copies.take();
    expect(next).not.toBe(copy);
    expect(next.getText('t').toString()).toBe('ab');
  });

  it('are made afresh after a drop, when the document moved on without them', () => {
    const committed = committedWith('a');
    const copies = new ScratchCopies(committed, OUTLET);
    copies.giveBack(copies.take());
    committed.getText('t').insert(1, 'b');
    copies.drop();
    expect(copies.take().getText('t').toString()).toBe('ab');
  });
});
