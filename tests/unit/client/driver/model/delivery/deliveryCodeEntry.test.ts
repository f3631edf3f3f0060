import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { enterDeliveryCode } from '../../../../../../client/driver/model/delivery/deliveryCodeEntry';
import { markDelivered } from '../../../../../../client/driver/model/driverCommands';
import type { OrderCommandContext } from '../../../../../../client/common/commands/orderCommands';
import { deliveryCodeCheck, DELIVERY_CODE_MAX_TRIES } from '../../../../../../shared/order/deliveryCode';
import { appendEvent, createOrderDoc, readOrder } from '../../../../../../shared/order/orderDoc';
import { DRIVER1, DRIVER1_ACTOR, event, header, OUTLET, SYSTEM } from '../../../../shared/order/fixtures';
import { docsOf, ORDER_DOC, ORDER_ID } from '../../../support/orderDocs';

const CODE = '4821';
const PHOTO = 'a'.repeat(64);

/** A card-paid delivery with a code, picked up by driver 1: nothing to collect at the door. */
function codedDoc(): Y.Doc {
  const doc = new Y.Doc();
  const h = header('delivery');
  createOrderDoc(doc, { ...h, id: ORDER_ID, payment: { method: 'card' }, deliveryCode: deliveryCodeCheck(ORDER_ID, CODE, 'c'.repeat(32)) });
  appendEvent(doc, event('accepted', 1_000, OUTLET, { prepMinutes: 15 }));
  appendEvent(doc, event('assigned', 2_000, SYSTEM, { driverId: DRIVER1.id }));
  appendEvent(doc, event('picked_up', 3_000, DRIVER1, {}));
  return doc;
}

const ctxOf = (doc: Y.Doc): OrderCommandContext => ({ actor: DRIVER1_ACTOR, docs: docsOf({ [ORDER_DOC]: doc }) });
const failures = (doc: Y.Doc) => readOrder(doc)?.state.applied.filter((e) => e.type === 'delivery_code_failed').length;

describe('delivery code at the door', () => {
  it('takes the right code on the phone and delivers with it, as the event’s own proof', () => {
    const doc = codedDoc();
    expect(enterDeliveryCode(ctxOf(doc), ORDER_ID, CODE)).toEqual({ ok: true });
    expect(markDelivered(ctxOf(doc), ORDER_ID, { photo: null, signature: null, code: CODE }, null)).toEqual({ ok: true });
    const delivered = readOrder(doc)?.state.applied.at(-1);
    expect(delivered).toMatchObject({ type: 'delivered', code: CODE });
    expect(readOrder(doc)?.state.applied.some((e) => e.type === 'note')).toBe(false);
  });

  it('records a wrong code on the order and says how many tries are left', () => {
    const doc = codedDoc();
    expect(enterDeliveryCode(ctxOf(doc), ORDER_ID, '1111')).toEqual({
      ok: false,
      error: { code: 'refused', message: 'That is not the customer’s code: 4 tries left.' },
    });
    expect(failures(doc)).toBe(1);
    expect(readOrder(doc)?.state.status).toBe('picked_up');
  });

  it('closes code entry after the last wrong try, even for the right code, and still takes a photo', () => {
    const doc = codedDoc();
    for (let i = 0; i < DELIVERY_CODE_MAX_TRIES; i++) enterDeliveryCode(ctxOf(doc), ORDER_ID, '0000');
    expect(failures(doc)).toBe(DELIVERY_CODE_MAX_TRIES);
    const right = enterDeliveryCode(ctxOf(doc), ORDER_ID, CODE);
    expect(right.ok ? null : right.error.message).toMatch(/Too many wrong codes/);
    expect(failures(doc)).toBe(DELIVERY_CODE_MAX_TRIES);
    expect(markDelivered(ctxOf(doc), ORDER_ID, { photo: null, signature: null, code: CODE }, null).ok).toBe(false);
    expect(markDelivered(ctxOf(doc), ORDER_ID, { photo: PHOTO, signature: null, code: null }, null)).toEqual({ ok: true });
  });

  it('never marks a wrong code delivered, whatever the form sends', () => {
    const doc = codedDoc();
    expect(markDelivered(ctxOf(doc), ORDER_ID, { photo: null, signature: null, code: '9999' }, null)).toEqual({
      ok: false,
      error: { code: 'refused', message: 'That is not the customer’s delivery code.' },
    });
    expect(readOrder(doc)?.state.status).toBe('picked_up');
  });
});
