import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cashDrivers } from '../../../../../../client/outlet/model/cash/cashDrivers';
import { outletDriverNames } from '../../../../../../client/outlet/model/cash/driverNames';
import { inboxMap } from '../../../../../../shared/inbox';
import { readOrder } from '../../../../../../shared/order/orderDoc';
import { orderNumber } from '../../../../../../shared/order/orderNumber';
import { DRIVER1_ACTOR, DRIVER2_ACTOR } from '../../../../shared/order/fixtures';
import { assignedDeliveryDoc, ORDER_ID } from '../../../support/orderDocs';

const views = () =>
  [assignedDeliveryDoc(DRIVER1_ACTOR.id, true), assignedDeliveryDoc(DRIVER2_ACTOR.id, true)].flatMap((d) => {
    const view = readOrder(d);
    return view ? [view] : [];
  });

describe('the drivers an outlet may receive cash from', () => {
  it('offers the drivers of the orders on the tablet, named by the orders they carried', () => {
    const drivers = cashDrivers(views());
    expect(drivers.map((d) => d.driverId).sort()).toEqual([DRIVER1_ACTOR.id, DRIVER2_ACTOR.id].sort());
    expect(drivers[0]?.label).toMatch(/^Driver of #/);
    expect(drivers[0]?.currency).toBe('INR');
  });

  it('names a driver by the first name the server put in the outlet’s inbox with their order', () => {
    const inbox = new Y.Doc();
    inboxMap(inbox).set(ORDER_ID, { placedAt: 1, driver: { id: DRIVER1_ACTOR.id, firstName: 'Ravi' } });
    inboxMap(inbox).set('order-2', { placedAt: 2 });
    inboxMap(inbox).set('order-3', { placedAt: 3, driver: { id: DRIVER2_ACTOR.id, firstName: '' } });
    const names = outletDriverNames(inbox);
    expect([...names]).toEqual([[DRIVER1_ACTOR.id, 'Ravi']]);
    const labels = new Map(cashDrivers(views(), names).map((d) => [d.driverId, d.label]));
    expect(labels.get(DRIVER1_ACTOR.id)).toBe(`Ravi (${orderNumber(ORDER_ID)})`);
    expect(labels.get(DRIVER2_ACTOR.id)).toBe(`Driver of ${orderNumber(ORDER_ID)}`);
  });
});
