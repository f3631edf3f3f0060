import { describe, expect, it } from 'vitest';
import { filterLive, NO_FILTER } from '../../../../../../client/admin/model/orders/liveFilter';
import type { OutletId } from '../../../../../../shared/ids';
import { event, MINUTE, OUTLET, SYSTEM, DRIVER1, T0 } from '../../../../shared/order/fixtures';
import { heldOrder } from '../../support/heldOrders';

const accept = (at: number, prepMinutes: number) => event('accepted', at, OUTLET, { prepMinutes });
const NOW = T0 + 20 * MINUTE;

const orders = [
  heldOrder('fresh', [], { customer: 'Farah', createdAt: T0 + 18 * MINUTE }),
  heldOrder('kitchen', [accept(MINUTE, 30)], { customer: 'Kabir', type: 'pickup' }),
  heldOrder('late', [accept(MINUTE, 10)], { customer: 'Lata', outletId: 'outlet-2' }),
  heldOrder('assigned', [accept(MINUTE, 25), event('assigned', 2 * MINUTE, SYSTEM, { driverId: DRIVER1.id })], { customer: 'Arun' }),
  heldOrder('done', [event('rejected', MINUTE, OUTLET, { reason: 'busy' })], { customer: 'Dev' }),
];
const ids = (filter = NO_FILTER, since = T0) => filterLive(orders, filter, NOW, since).map((o) => o.id);

describe('filterLive', () => {
  it('lists what is under way, the late first, then by the next deadline', () => {
    expect(ids()).toEqual(['late', 'fresh', 'assigned', 'kitchen']);
  });

  it('filters by outlet, late, unassigned and status', () => {
    expect(ids({ ...NO_FILTER, outletId: 'outlet-2' as OutletId })).toEqual(['late']);
    expect(ids({ ...NO_FILTER, lateOnly: true })).toEqual(['late']);
    expect(ids({ ...NO_FILTER, unassignedOnly: true })).toEqual(['late', 'fresh']);
    expect(ids({ ...NO_FILTER, status: 'accepted' })).toEqual(['late', 'assigned', 'kitchen']);
    expect(ids({ ...NO_FILTER, status: 'finished' })).toEqual(['done']);
    expect(ids({ ...NO_FILTER, status: 'finished' }, T0 + MINUTE)).toEqual([]);
  });

  it('searches by customer, order number, outlet name and address', () => {
    expect(ids({ ...NO_FILTER, query: 'kab' })).toEqual(['kitchen']);
    expect(ids({ ...NO_FILTER, query: '#assig' })).toEqual(['assigned']);
    expect(ids({ ...NO_FILTER, query: 'brigade' })).toEqual(['late', 'fresh', 'assigned']);
    expect(ids({ ...NO_FILTER, query: 'dabba kitchen' })).toHaveLength(4);
  });
});
