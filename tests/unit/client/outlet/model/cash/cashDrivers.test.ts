import { describe, expect, it } from 'vitest';
import { cashDrivers } from '../../../../../../client/outlet/model/cash/cashDrivers';
import { readOrder } from '../../../../../../shared/order/orderDoc';
import { DRIVER1_ACTOR, DRIVER2_ACTOR } from '../../../../shared/order/fixtures';
import { assignedDeliveryDoc } from '../../../support/orderDocs';

describe('the drivers an outlet may receive cash from', () => {
  it('offers the drivers of the orders on the tablet, named by the orders they carried', () => {
    const views = [assignedDeliveryDoc(DRIVER1_ACTOR.id, true), assignedDeliveryDoc(DRIVER2_ACTOR.id, true)].flatMap((d) => {
      const view = readOrder(d);
      return view ? [view] : [];
    });
    const drivers = cashDrivers(views);
    expect(drivers.map((d) => d.driverId).sort()).toEqual([DRIVER1_ACTOR.id, DRIVER2_ACTOR.id].sort());
    expect(drivers[0]?.label).toMatch(/^Driver of #/);
    expect(drivers[0]?.currency).toBe('INR');
  });
});
