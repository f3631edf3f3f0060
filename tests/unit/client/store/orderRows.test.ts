import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { projectOrderRow } from '../../../../client/common/store/orderRows';
import { runOrderAction } from '../../../../client/common/commands/orderCommands';
import { money } from '../../../../shared/money';
import { createOrderDoc } from '../../../../shared/order/orderDoc';
import { header, OUTLET_ACTOR, OUTLET_ID, T0 } from '../../shared/order/fixtures';
import { docsOf, ORDER_DOC, ORDER_ID, placedOrderDoc } from '../support/orderDocs';

describe('projectOrderRow', () => {
  it('has no row for a document whose header has not arrived', () => {
    expect(projectOrderRow(new Y.Doc(), 'synced')).toBeNull();
  });

  it('derives what the order list shows from the document', () => {
    const row = projectOrderRow(placedOrderDoc('pickup'), 'synced');
    expect(row).toEqual({
      id: ORDER_ID,
      outletId: OUTLET_ID,
      status: 'placed',
      orderType: 'pickup',
      placedAt: T0,
      readyBy: null,
      statusAt: T0,
      closedAt: null,
      conflicted: 0,
      prepMinutes: null,
      delayMinutes: 0,
      acknowledgedAt: null,
      source: 'online',
      customerName: 'Asha',
      customerPhone: '+91 11111 11111',
      table: null,
      address: null,
      notes: null,
      lines: [{ name: 'Thali', qty: 1, modifiers: [] }],
      total: 25_000,
      currency: 'INR',
      syncState: 'synced',
      conflicts: [],
    });
  });

  it('follows the folded status and carries the sync state it is given', () => {
    const doc = placedOrderDoc();
    runOrderAction({ actor: OUTLET_ACTOR, docs: docsOf({ [ORDER_DOC]: doc }) }, ORDER_ID, 'accept', { prepMinutes: 30 });
    const row = projectOrderRow(doc, 'local');
    expect(row?.status).toBe('accepted');
    expect(row?.syncState).toBe('local');
    expect(row?.readyBy).toBe((readAcceptedAt(doc) ?? Number.NaN) + 30 * 60_000);
  });
});

function readAcceptedAt(doc: Y.Doc): number | undefined {
  const events = doc.getArray<{ type: string; at: number }>('events').toArray();
  return events.find((e) => e.type === 'accepted')?.at;
}

describe('projectOrderRow conflicts', () => {
  it('lists an action that lost a merge with who did it, when, and why it had no effect', () => {
    const deviceA = placedOrderDoc();
    const deviceB = new Y.Doc();
    Y.applyUpdate(deviceB, Y.encodeStateAsUpdate(deviceA));
    runOrderAction({ actor: OUTLET_ACTOR, docs: docsOf({ [ORDER_DOC]: deviceA }) }, ORDER_ID, 'accept', { prepMinutes: 15 });
    runOrderAction({ actor: OUTLET_ACTOR, docs: docsOf({ [ORDER_DOC]: deviceB }) }, ORDER_ID, 'accept', { prepMinutes: 30 });
    Y.applyUpdate(deviceA, Y.encodeStateAsUpdate(deviceB));
    const row = projectOrderRow(deviceA, 'synced');
    expect(row?.status).toBe('accepted');
    expect(row?.conflicts).toEqual([
      { type: 'accepted', at: expect.any(Number), byRole: 'outlet', reason: 'not allowed when the order is accepted' },
    ]);
    expect(row?.conflicted).toBe(1);
  });
});

describe('projectOrderRow for the kitchen', () => {
  it('carries what the card and ticket show: table, notes, phone and each line’s modifiers', () => {
    const doc = new Y.Doc();
    const base = header('dine-in');
    const line = base.items[0];
    if (!line) throw new Error('fixture has no line');
    createOrderDoc(doc, {
      ...base,
      table: '7',
      notes: 'no onions',
      items: [{ ...line, modifiers: [{ groupId: 'size', optionId: 'large', name: 'Large', price: money(5_000) }] }],
    });
    const row = projectOrderRow(doc, 'synced');
    expect(row).toMatchObject({ orderType: 'dine-in', table: '7', notes: 'no onions', customerPhone: '+91 11111 11111' });
    expect(row?.lines).toEqual([{ name: 'Thali', qty: 1, modifiers: ['Large'] }]);
  });

  it('says since when the order is in its status, for timers and "done today"', () => {
    const doc = placedOrderDoc();
    runOrderAction({ actor: OUTLET_ACTOR, docs: docsOf({ [ORDER_DOC]: doc }) }, ORDER_ID, 'accept', { prepMinutes: 30 });
    const row = projectOrderRow(doc, 'local');
    expect(row?.statusAt).toBe(readAcceptedAt(doc));
    expect(row?.prepMinutes).toBe(30);
  });
});
