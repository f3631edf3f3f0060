import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DeviceIdSchema } from '../../../../shared/api/devices';
import type { OrderId } from '../../../../shared/ids';
import { readOrder } from '../../../../shared/order/orderDoc';
import { runOrderAction } from '../../../../client/common/commands/orderCommands';
import { DRIVER1_ACTOR, OUTLET_ACTOR } from '../../shared/order/fixtures';
import { docsOf, ORDER_DOC, ORDER_ID, placedOrderDoc } from '../support/orderDocs';

function outletContext(doc: Y.Doc = placedOrderDoc()) {
  return { doc, ctx: { actor: OUTLET_ACTOR, docs: docsOf({ [ORDER_DOC]: doc }) } };
}

const statusOf = (doc: Y.Doc) => readOrder(doc)?.state.status;

describe('order commands', () => {
  it('accepting a new order appends an accepted event with the prep time, authored by the outlet user', () => {
    const { doc, ctx } = outletContext();
    expect(runOrderAction(ctx, ORDER_ID, 'accept', { prepMinutes: 20 })).toEqual({ ok: true });
    const state = readOrder(doc)?.state;
    expect(state?.status).toBe('accepted');
    expect(state?.prepMinutes).toBe(20);
    expect(state?.applied.at(-1)?.by).toEqual({ id: OUTLET_ACTOR.id, role: 'outlet' });
  });

  it('stamps each event with the device that wrote it and whether it was offline, when the device is known', () => {
    const doc = placedOrderDoc();
    const device = { id: DeviceIdSchema.parse('tablet-1'), app: 'outlet', offline: true } as const;
    runOrderAction({ actor: OUTLET_ACTOR, docs: docsOf({ [ORDER_DOC]: doc }), device }, ORDER_ID, 'accept', { prepMinutes: 20 });
    expect(readOrder(doc)?.state.applied.at(-1)?.device).toEqual(device);
    const { doc: plain, ctx } = outletContext();
    runOrderAction(ctx, ORDER_ID, 'accept', { prepMinutes: 20 });
    expect(readOrder(plain)?.state.applied.at(-1)).not.toHaveProperty('device');
  });

  it('walks an order from accepted through preparing to ready and hands a pickup over', () => {
    const { doc, ctx } = outletContext();
    runOrderAction(ctx, ORDER_ID, 'accept', { prepMinutes: 15 });
    expect(runOrderAction(ctx, ORDER_ID, 'prepare', {})).toEqual({ ok: true });
    expect(statusOf(doc)).toBe('preparing');
    expect(runOrderAction(ctx, ORDER_ID, 'markReady', {})).toEqual({ ok: true });
    expect(statusOf(doc)).toBe('ready');
    expect(runOrderAction(ctx, ORDER_ID, 'handOver', {})).toEqual({ ok: true });
    expect(statusOf(doc)).toBe('delivered');
  });

  it('refuses a step the order is not ready for, with the rule and without writing', () => {
    const { doc, ctx } = outletContext();
    const before = Y.encodeStateVector(doc);
    expect(runOrderAction(ctx, ORDER_ID, 'prepare', {})).toEqual({
      ok: false,
      error: { code: 'invalid_transition', message: 'not allowed when the order is placed' },
    });
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('refuses accepting twice', () => {
    const { ctx } = outletContext();
    runOrderAction(ctx, ORDER_ID, 'accept', { prepMinutes: 15 });
    const again = runOrderAction(ctx, ORDER_ID, 'accept', { prepMinutes: 15 });
    expect(again.ok).toBe(false);
  });

  it('refuses a prep time the event schema would not accept, instead of storing a malformed event', () => {
    const { doc, ctx } = outletContext();
    const outcome = runOrderAction(ctx, ORDER_ID, 'accept', { prepMinutes: 0 });
    expect(outcome.ok).toBe(false);
    expect(readOrder(doc)?.state.status).toBe('placed');
    expect(doc.getArray('events').length).toBe(1);
  });

  it('refuses an event the role may not append', () => {
    const doc = placedOrderDoc();
    const driver = { actor: DRIVER1_ACTOR, docs: docsOf({ [ORDER_DOC]: doc }) };
    const outcome = runOrderAction(driver, ORDER_ID, 'accept', { prepMinutes: 15 });
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.error.message).toMatch(/driver/);
  });

  it('says so when the order is not on the device, or has no details yet', () => {
    const { ctx } = outletContext();
    expect(runOrderAction(ctx, 'elsewhere' as OrderId, 'accept', { prepMinutes: 15 })).toEqual({
      ok: false,
      error: { code: 'refused', message: 'This order is not on this device yet.' },
    });
    const empty = { actor: OUTLET_ACTOR, docs: docsOf({ [ORDER_DOC]: new Y.Doc() }) };
    expect(runOrderAction(empty, ORDER_ID, 'accept', { prepMinutes: 15 })).toEqual({
      ok: false,
      error: { code: 'refused', message: 'The details of this order have not arrived on this device yet.' },
    });
  });

  it('needs a reason to reject or cancel', () => {
    const { ctx } = outletContext();
    expect(runOrderAction(ctx, ORDER_ID, 'reject', { reason: '  ' }).ok).toBe(false);
    expect(runOrderAction(ctx, ORDER_ID, 'cancel', { reason: 'Out of rice' }).ok).toBe(true);
  });
});
