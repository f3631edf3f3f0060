import { describe, expect, it } from 'vitest';
import type { ItemId, OrderId } from '../../../../shared/ids';
import { money } from '../../../../shared/money';
import type { OrderEvent } from '../../../../shared/order/events';
import type { OrderHeader } from '../../../../shared/order/header';
import { reduceOrder } from '../../../../shared/order/reduceOrder';
import { trackDetails } from '../../../../sync-server/projections/trackDetails';
import { DRIVER1, event, header, MINUTE, OUTLET, SYSTEM } from '../../shared/order/fixtures';

const placed = event('placed', 0, SYSTEM, {});
const accepted = event('accepted', MINUTE, OUTLET, { prepMinutes: 15 });
const assigned = event('assigned', 2 * MINUTE, SYSTEM, { driverId: DRIVER1.id });
const details = (h: OrderHeader, events: OrderEvent[]) => trackDetails({ header: h, state: reduceOrder(events, { orderType: h.type }) });

describe('trackDetails', () => {
  it('names the order by its readable number, never its whole id', () => {
    const h = { ...header(), id: 'K7M3X-0f9a8b7c6d5e4f3a2b1c' as OrderId };
    const shown = details(h, [placed]);
    expect(shown.orderNumber).toBe('#K7M3X');
    expect(JSON.stringify(shown)).not.toContain(h.id);
  });

  it('pins the outlet and the drop-off of a delivery while it is under way, and drops both once it is finished', () => {
    const h = header('delivery');
    expect(details(h, [placed, accepted]).pins).toEqual({ outlet: { lat: 12.97, lng: 77.59 }, dropoff: { lat: 12.96, lng: 77.6 } });
    const delivered = [
      placed,
      accepted,
      assigned,
      event('picked_up', 20 * MINUTE, DRIVER1, {}),
      event('delivered', 40 * MINUTE, DRIVER1, {}),
    ];
    expect(details(h, delivered).pins).toBeNull();
    expect(details(header('pickup'), [placed]).pins).toBeNull();
  });

  it('pins the drop-off only to about a hundred metres: anyone holding a shared link sees the street, not the door', () => {
    const h = header('delivery');
    const exact = { ...h, address: { text: 'Flat 4B, 22 Residency Road', lat: 12.966812, lng: 77.596849 } };
    expect(details(exact, [placed]).pins?.dropoff).toEqual({ lat: 12.967, lng: 77.597 });
  });

  it('gives the outlet’s address for a pickup only, and never the drop-off’s text', () => {
    expect(details(header('pickup'), [placed]).pickupAddress).toBe('1 MG Road');
    const delivery = details(header('delivery'), [placed]);
    expect(delivery.pickupAddress).toBeNull();
    expect(JSON.stringify(delivery)).not.toContain('Brigade');
  });

  it('carries the kitchen’s reason on a rejection, and no reason for a driver’s failed delivery', () => {
    const h = header('delivery');
    expect(details(h, [placed, event('rejected', MINUTE, OUTLET, { reason: 'Out of rice' })]).rejectionReason).toBe('Out of rice');
    const failed = [
      placed,
      accepted,
      assigned,
      event('picked_up', 20 * MINUTE, DRIVER1, {}),
      event('failed', 40 * MINUTE, DRIVER1, { reason: 'Asha at 2 Brigade Road did not answer' }),
    ];
    const shown = details(h, failed);
    expect(shown.rejectionReason).toBeNull();
    expect(JSON.stringify(shown)).not.toContain('Brigade');
  });

  it('lists each line with the item and option ids the ordering page needs to fill a cart again', () => {
    const base = header('pickup');
    const line = {
      itemId: 'masala-dosa' as ItemId,
      name: 'Masala dosa',
      qty: 2,
      unitPrice: money(12_000),
      modifiers: [{ groupId: 'spice', optionId: 'hot', name: 'Hot', price: money(0) }],
      lineTotal: money(24_000),
    };
    expect(details({ ...base, items: [line, ...base.items] }, [placed])).toMatchObject({
      outletId: base.outletId,
      reorder: [
        { itemId: 'masala-dosa', qty: 2, modifiers: [{ groupId: 'spice', optionId: 'hot' }] },
        { itemId: 'thali', qty: 1, modifiers: [] },
      ],
    });
  });
});
