import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { OrderId } from '../../../../../../shared/ids';
import { readOrder } from '../../../../../../shared/order/orderDoc';
import { acceptOrder, markReady } from '../../../../../../client/common/commands/orderCommands';
import { allowedActions, allowedOrderActions } from '../../../../../../client/outlet/model/orders/orderActions';
import { DRIVER1_ACTOR, OUTLET_ACTOR } from '../../../../shared/order/fixtures';
import { docsOf, ORDER_DOC, ORDER_ID, placedOrderDoc } from '../../../support/orderDocs';

function outletContext(doc: Y.Doc = placedOrderDoc()) {
  return { doc, ctx: { actor: OUTLET_ACTOR, docs: docsOf({ [ORDER_DOC]: doc }) } };
}

describe('allowed actions', () => {
  it('offers accept, reject and cancel on a new order', () => {
    const { ctx } = outletContext();
    expect([...allowedOrderActions(ctx, ORDER_ID)].sort()).toEqual(['accepted', 'cancelled', 'rejected']);
  });

  it('offers preparing, ready, delay and cancel once accepted', () => {
    const { ctx } = outletContext();
    acceptOrder(ctx, ORDER_ID, 15);
    expect([...allowedOrderActions(ctx, ORDER_ID)].sort()).toEqual(['cancelled', 'delayed', 'preparing', 'ready']);
  });

  it('offers hand-over only for orders the outlet hands over itself', () => {
    for (const [type, offered] of [['pickup', true], ['delivery', false]] as const) {
      const { doc, ctx } = outletContext(placedOrderDoc(type));
      acceptOrder(ctx, ORDER_ID, 15);
      markReady(ctx, ORDER_ID);
      const view = readOrder(doc);
      if (!view) throw new Error('no order');
      expect(allowedActions(OUTLET_ACTOR, view).has('handed_over')).toBe(offered);
    }
  });

  it('offers nothing to a driver on an unassigned order, and nothing for an order not held', () => {
    const doc = placedOrderDoc();
    const view = readOrder(doc);
    if (!view) throw new Error('no order');
    expect(allowedActions(DRIVER1_ACTOR, view).size).toBe(0);
    const { ctx } = outletContext();
    expect(allowedOrderActions(ctx, 'elsewhere' as OrderId).size).toBe(0);
  });
});
