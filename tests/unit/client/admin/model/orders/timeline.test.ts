import { describe, expect, it } from 'vitest';
import { deliveryProofs } from '../../../../../../client/common/orders/deliveryProofs';
import { deviceText, eventText, whoText } from '../../../../../../client/common/orders/eventWords';
import { orderTimeline } from '../../../../../../client/admin/model/orders/timeline';
import { nameLookup } from '../../../../../../client/admin/model/people/nameLookup';
import type { UserId } from '../../../../../../shared/ids';
import { orderEventSchema } from '../../../../../../shared/order/events';
import { ADMIN, DRIVER1, event, MINUTE, OUTLET, SYSTEM } from '../../../../shared/order/fixtures';
import { heldOrder } from '../../support/heldOrders';

const names = (id: UserId): string | null => (id === DRIVER1.id ? 'Ravi Kumar' : null);
const PHOTO = 'a'.repeat(64);
const SIGNATURE = 'b'.repeat(64);

describe('the order timeline', () => {
  it('lists every event in fold order, and says of a change that lost a merge what it ran into', () => {
    const accepted = event('accepted', MINUTE, OUTLET, { prepMinutes: 15 });
    const cancelled = event('cancelled', 5 * MINUTE, ADMIN, { reason: 'Customer asked to cancel' });
    const note = event('note', 6 * MINUTE, ADMIN, { text: 'Rang the customer' });
    // The kitchen tablet was offline and marked it ready after the admin had cancelled it.
    const ready = orderEventSchema.parse({
      ...event('ready', 10 * MINUTE, OUTLET, {}),
      device: { id: 'kitchen-2', app: 'outlet', offline: true },
    });
    const entries = orderTimeline(heldOrder('o1', [accepted, cancelled, note, ready]));
    expect(entries.map((e) => [e.event.type, e.conflict])).toEqual([
      ['placed', null],
      ['accepted', null],
      ['cancelled', null],
      ['note', null],
      ['ready', 'not allowed when the order is cancelled'],
    ]);
    expect(entries.at(-1)?.after?.id).toBe(cancelled.id);
    expect(deviceText(ready)).toBe('outlet app on device kitchen-, while offline');
    expect(deviceText(cancelled)).toBeNull();
  });

  it('says who acted, by name where the device knows it, and "You" for the signed-in admin', () => {
    expect(whoText(DRIVER1, null, names)).toBe('Driver Ravi Kumar');
    expect(whoText(OUTLET, null, names)).toBe('Outlet staff');
    expect(whoText(SYSTEM, null, names)).toBe('Dabba (automatic)');
    expect(whoText(ADMIN, ADMIN.id, names)).toBe('You');
  });

  it('names outlet staff and other admins from the accounts the device knows', () => {
    const everyone = nameLookup(
      [
        { id: OUTLET.id, name: 'Asha' },
        { id: ADMIN.id, name: 'Priya' },
      ],
      [{ id: DRIVER1.id, name: 'Ravi Kumar' }],
    );
    expect(whoText(OUTLET, null, everyone)).toBe('Outlet staff Asha');
    expect(whoText(ADMIN, null, everyone)).toBe('Admin Priya');
    expect(whoText(DRIVER1, null, everyone)).toBe('Driver Ravi Kumar');
  });

  it('says what happened in words, with the reason, the prep time or the driver', () => {
    expect(eventText(event('accepted', 0, OUTLET, { prepMinutes: 20 }), names)).toBe('Accepted, ready in 20 min');
    expect(eventText(event('assigned', 0, ADMIN, { driverId: DRIVER1.id }), names)).toBe('Assigned to Ravi Kumar');
    expect(eventText(event('unassigned', 0, ADMIN, { driverId: 'driver-9' as UserId, reason: 'Bike broke down' }), names)).toBe(
      'Taken off driver driver: Bike broke down',
    );
    expect(eventText(event('failed', 0, DRIVER1, { reason: 'Nobody home' }), names)).toBe('Delivery failed: Nobody home');
  });
});

describe('delivery proofs', () => {
  const delivery = (proof: string, notes: readonly string[]) =>
    heldOrder('o1', [
      event('accepted', MINUTE, OUTLET, { prepMinutes: 5 }),
      event('assigned', 2 * MINUTE, SYSTEM, { driverId: DRIVER1.id }),
      event('picked_up', 7 * MINUTE, DRIVER1, {}),
      ...notes.map((text, i) => event('note', 9 * MINUTE + i, DRIVER1, { text })),
      event('delivered', 10 * MINUTE, DRIVER1, { proof }),
    ]);

  it('finds the photo of the delivered event and the signature named in a note beside it', () => {
    const order = delivery(PHOTO, ['Cash collected ₹280.00', `Customer signed for it (signature proof ${SIGNATURE})`]);
    expect(deliveryProofs(order)).toEqual([
      { id: PHOTO, kind: 'photo' },
      { id: SIGNATURE, kind: 'signature' },
    ]);
  });

  it('calls a lone proof a proof: the event does not say whether it is a photo or a signature', () => {
    expect(deliveryProofs(delivery(PHOTO, []))).toEqual([{ id: PHOTO, kind: 'proof' }]);
    expect(deliveryProofs(heldOrder('o2'))).toEqual([]);
  });
});
