import * as Y from 'yjs';
import { readLedger } from '../../../../../shared/cash/ledgerEntries';
import { reconcileCash } from '../../../../../shared/cash/reconcile';
import { cashLedgerName } from '../../../../../shared/docNames';
import { describe, expect, it } from 'vitest';
import { markDelivered, type DeliveryProof } from '../../../../../client/driver/model/driverCommands';
import { runOrderAction, type OrderCommandContext } from '../../../../../client/common/commands/orderCommands';
import { readOrder } from '../../../../../shared/order/orderDoc';
import { DRIVER1_ACTOR, DRIVER2_ACTOR } from '../../../shared/order/fixtures';
import { assignedDeliveryDoc, docsOf, ORDER_DOC, ORDER_ID } from '../../support/orderDocs';

const PHOTO = 'a'.repeat(64);
const SIGNATURE = 'b'.repeat(64);
const DUE = 29_000;
const photoOnly: DeliveryProof = { photo: PHOTO, signature: null, code: null };

function driverOn(doc: Y.Doc, actor = DRIVER1_ACTOR): OrderCommandContext {
  return { actor, docs: docsOf({ [ORDER_DOC]: doc }) };
}

const events = (doc: Y.Doc) => readOrder(doc)?.state.applied ?? [];

describe('driver commands', () => {
  it('lets the assigned driver pick the order up, and nobody else', () => {
    const doc = assignedDeliveryDoc(DRIVER1_ACTOR.id, false);
    expect(runOrderAction(driverOn(doc, DRIVER2_ACTOR), ORDER_ID, 'pickUp', {})).toEqual({
      ok: false,
      error: { code: 'invalid_transition', message: 'only the assigned driver can do this' },
    });
    expect(runOrderAction(driverOn(doc), ORDER_ID, 'pickUp', {})).toEqual({ ok: true });
    expect(readOrder(doc)?.state.status).toBe('picked_up');
  });

  it('marks a delivery with its photo, the cash collected first, in one update stamped with the device clock', () => {
    const doc = assignedDeliveryDoc(DRIVER1_ACTOR.id, true);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const before = Date.now();
    expect(markDelivered(driverOn(doc), ORDER_ID, photoOnly, DUE)).toEqual({ ok: true });
    expect(updates).toHaveLength(1);
    const [cash, delivered] = events(doc).slice(-2);
    expect(cash).toMatchObject({ type: 'cash_collected', amount: DUE, currency: 'INR', by: { id: DRIVER1_ACTOR.id, role: 'driver' } });
    expect(events(doc).some((e) => e.type === 'note')).toBe(false);
    expect(delivered).toMatchObject({ type: 'delivered', proof: PHOTO });
    expect(delivered?.at).toBeGreaterThanOrEqual(before);
    expect(delivered?.at).toBeGreaterThan(cash?.at ?? Infinity);
    expect(readOrder(doc)?.state.status).toBe('delivered');
  });

  it('refuses a cash delivery until the cash is collected, and writes nothing', () => {
    const doc = assignedDeliveryDoc(DRIVER1_ACTOR.id, true);
    const count = events(doc).length;
    expect(markDelivered(driverOn(doc), ORDER_ID, photoOnly, null)).toEqual({
      ok: false,
      error: { code: 'refused', message: 'Collect ₹290.00 in cash first, or mark the delivery failed.' },
    });
    expect(events(doc)).toHaveLength(count);
  });

  it('records a customer short of cash as the smaller amount, and refuses more than was due', () => {
    const doc = assignedDeliveryDoc(DRIVER1_ACTOR.id, true);
    expect(markDelivered(driverOn(doc), ORDER_ID, photoOnly, DUE + 1000)).toEqual({
      ok: false,
      error: { code: 'refused', message: 'More than the cash due was recorded; a tip is not part of the order’s cash.' },
    });
    expect(markDelivered(driverOn(doc), ORDER_ID, photoOnly, 25_000)).toEqual({ ok: true });
    expect(events(doc).find((e) => e.type === 'cash_collected')).toMatchObject({ amount: 25_000 });
  });

  it('delivers a card order without any cash, and refuses cash entered for it', () => {
    const doc = assignedDeliveryDoc(DRIVER1_ACTOR.id, true, 'card');
    expect(markDelivered(driverOn(doc), ORDER_ID, photoOnly, DUE)).toEqual({
      ok: false,
      error: { code: 'refused', message: 'This order was paid by card: no cash is collected on it.' },
    });
    expect(markDelivered(driverOn(doc), ORDER_ID, photoOnly, null)).toEqual({ ok: true });
    expect(events(doc).some((e) => e.type === 'cash_collected')).toBe(false);
    expect(readOrder(doc)?.state.status).toBe('delivered');
  });

  it('copies the cash into the driver’s ledger, where the balance counts it', () => {
    const doc = assignedDeliveryDoc(DRIVER1_ACTOR.id, true);
    const ledger = new Y.Doc();
    const ctx = { actor: DRIVER1_ACTOR, docs: docsOf({ [ORDER_DOC]: doc, [cashLedgerName(DRIVER1_ACTOR.id)]: ledger }) };
    expect(markDelivered(ctx, ORDER_ID, photoOnly, 25_000)).toEqual({ ok: true });
    expect(readLedger(ledger)).toMatchObject([{ kind: 'collected', orderId: ORDER_ID, amount: 25_000, by: DRIVER1_ACTOR.id }]);
    expect(reconcileCash(readLedger(ledger)).balances).toEqual([{ currency: 'INR', collected: 25_000, handedOver: 0, holding: 25_000 }]);
  });

  it('needs some proof: a photo, a signature or a delivery code', () => {
    const doc = assignedDeliveryDoc(DRIVER1_ACTOR.id, true);
    expect(markDelivered(driverOn(doc), ORDER_ID, { photo: null, signature: null, code: '  ' }, DUE).ok).toBe(false);
    expect(markDelivered(driverOn(doc), ORDER_ID, { photo: null, signature: null, code: ' 4821 ' }, DUE)).toEqual({ ok: true });
    const last = events(doc).at(-1);
    expect(last).toMatchObject({ type: 'delivered' });
    expect(last && 'proof' in last ? last.proof : undefined).toBeUndefined();
    expect(events(doc).some((e) => e.type === 'note' && e.text === 'Delivery code given: 4821')).toBe(true);
  });

  it('names a signature as the proof when there is no photo, and beside the photo in a note when there is', () => {
    const signedOnly = assignedDeliveryDoc(DRIVER1_ACTOR.id, true);
    markDelivered(driverOn(signedOnly), ORDER_ID, { photo: null, signature: SIGNATURE, code: null }, DUE);
    expect(events(signedOnly).at(-1)).toMatchObject({ type: 'delivered', proof: SIGNATURE });

    const both = assignedDeliveryDoc(DRIVER1_ACTOR.id, true);
    markDelivered(driverOn(both), ORDER_ID, { photo: PHOTO, signature: SIGNATURE, code: null }, DUE);
    expect(events(both).at(-1)).toMatchObject({ type: 'delivered', proof: PHOTO });
    expect(events(both).some((e) => e.type === 'note' && e.text.includes(SIGNATURE))).toBe(true);
  });

  it('refuses to deliver an order not yet picked up', () => {
    const doc = assignedDeliveryDoc(DRIVER1_ACTOR.id, false);
    expect(markDelivered(driverOn(doc), ORDER_ID, photoOnly, DUE)).toEqual({
      ok: false,
      error: { code: 'refused', message: 'not allowed when the order is accepted' },
    });
  });

  it('records a failed delivery with its reason', () => {
    const doc = assignedDeliveryDoc(DRIVER1_ACTOR.id, true);
    expect(runOrderAction(driverOn(doc), ORDER_ID, 'fail', { reason: 'Customer not reachable' })).toEqual({ ok: true });
    expect(events(doc).at(-1)).toMatchObject({ type: 'failed', reason: 'Customer not reachable' });
  });
});
