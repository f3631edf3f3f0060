import { useMemo } from 'react';
import { orderDocName, outletInboxName } from '../../../../shared/docNames';
import type { OutletId } from '../../../../shared/ids';
import { readOrder, type OrderView } from '../../../../shared/order/orderDoc';
import { useDevice } from '../../../common/device/DeviceContext';
import { useHeldDoc } from '../../../common/device/useHeldDoc';
import { useDoneToday, useStatusOrders } from '../orders/useBoardOrders';
import { cashDrivers, type CashDriver } from './cashDrivers';
import { outletDriverNames } from './driverNames';

/** The drivers of the orders out for delivery or done today, named where the inbox says, from the documents this tablet holds. */
export function useCashDrivers(outletId: OutletId, since: number): readonly CashDriver[] {
  const device = useDevice();
  const out = useStatusOrders(outletId, 'picked_up');
  const done = useDoneToday(outletId, since);
  const names = useHeldDoc(outletInboxName(outletId), outletDriverNames).value;
  return useMemo(() => {
    const views: OrderView[] = [];
    for (const row of [...(out ?? []), ...(done?.recent ?? [])]) {
      const doc = device.heldDoc(orderDocName(row.id));
      const view = doc ? readOrder(doc) : null;
      if (view) views.push(view);
    }
    return cashDrivers(views, names);
  }, [device, out, done, names]);
}
