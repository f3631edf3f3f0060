import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { assignable, assignDriver, unassignDriver } from '../../../../../../client/admin/model/dispatch/assignment';
import { DeviceIdSchema } from '../../../../../../shared/api/devices';
import type { UserId } from '../../../../../../shared/ids';
import { appendEvent, readOrder } from '../../../../../../shared/order/orderDoc';
import { ADMIN_ACTOR, DRIVER1, DRIVER2, event, MINUTE, OUTLET, T0 } from '../../../../shared/order/fixtures';
import { docsOf, ORDER_DOC, ORDER_ID, placedOrderDoc } from '../../../support/orderDocs';
import { heldOrder } from '../../support/heldOrders';

const DESK = { id: DeviceIdSchema.parse('desk-1'), app: 'admin', offline: true } as const;

function acceptedDelivery(): { doc: Y.Doc; ctx: Parameters<typeof assignDriver>[0] } {
  const doc = placedOrderDoc('delivery');
  appendEvent(doc, event('accepted', MINUTE, OUTLET, { prepMinutes: 15 }));
  return { doc, ctx: { actor: ADMIN_ACTOR, docs: docsOf({ [ORDER_DOC]: doc }), device: DESK } };
}

describe('assigning by hand', () => {
  it('assigns, reassigns and unassigns with a reason, as the admin and stamped with this device', () => {
    const { doc, ctx } = acceptedDelivery();
    expect(assignDriver(ctx, ORDER_ID, DRIVER1.id)).toEqual({ ok: true });
    expect(readOrder(doc)?.state.driverId).toBe(DRIVER1.id);
    expect(assignDriver(ctx, ORDER_ID, DRIVER2.id)).toEqual({ ok: true });
    expect(readOrder(doc)?.state.driverId).toBe(DRIVER2.id);
    expect(unassignDriver(ctx, ORDER_ID, 'Vehicle trouble')).toEqual({ ok: true });
    const state = readOrder(doc)?.state;
    expect(state?.driverId).toBeNull();
    expect(state?.applied.at(-1)).toMatchObject({ type: 'unassigned', driverId: DRIVER2.id, reason: 'Vehicle trouble', device: DESK });
  });

  it('refuses what the rules refuse, saying why, and writes nothing', () => {
    const { doc, ctx } = acceptedDelivery();
    expect(unassignDriver(ctx, ORDER_ID, 'x')).toMatchObject({ ok: false, error: { message: 'No driver is assigned to this order.' } });
    assignDriver(ctx, ORDER_ID, DRIVER1.id);
    expect(assignDriver(ctx, ORDER_ID, DRIVER1.id)).toMatchObject({ ok: false, error: { message: 'That driver already has this order.' } });
    // Cancelled after the assignment above, which this device stamped with the real clock.
    appendEvent(doc, event('cancelled', Date.now() - T0 + MINUTE, OUTLET, { reason: 'closing' }));
    expect(assignDriver(ctx, ORDER_ID, DRIVER2.id)).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    const pickup = placedOrderDoc('pickup');
    const pickupCtx = { actor: ADMIN_ACTOR, docs: docsOf({ [ORDER_DOC]: pickup }) };
    expect(assignDriver(pickupCtx, ORDER_ID, DRIVER1.id)).toMatchObject({
      ok: false,
      error: { message: 'Only deliveries have a driver.' },
    });
    expect(readOrder(pickup)?.state.applied).toHaveLength(1);
  });

  it('offers assigning only on deliveries not yet collected', () => {
    const accepted = event('accepted', MINUTE, OUTLET, { prepMinutes: 5 });
    const assigned = event('assigned', 2 * MINUTE, OUTLET, { driverId: DRIVER1.id as UserId });
    expect(assignable(heldOrder('o', [accepted]))).toBe(true);
    expect(assignable(heldOrder('o', [accepted], { type: 'pickup' }))).toBe(false);
    expect(assignable(heldOrder('o', [accepted, assigned, event('picked_up', 9 * MINUTE, DRIVER1, {})]))).toBe(false);
  });
});
