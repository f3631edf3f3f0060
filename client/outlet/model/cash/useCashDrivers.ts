import { useMemo } from 'react';
import { orderDocName } from '../../../../shared/docNames';
import { readOrder, type OrderView } from '../../../../shared/order/orderDoc';
import { useDevice } from '../../../common/device/DeviceContext';
import { useDoneToday, useStatusOrders } from '../orders/useBoardOrders';
import { cashDrivers, type CashDriver } from './cashDrivers';

/** The drivers of the orders out for delivery or done today, from the documents this tablet holds. */
export function useCashDrivers(outletId: string, since: number): readonly CashDriver[] {
  const device = useDevice();
  const out = useStatusOrders(outletId, 'picked_up');
  const done = useDoneToday(outletId, since);
  return useMemo(() => {
    const views: OrderView[] = [];
    for (const row of [...(out ?? []), ...(done?.recent ?? [])]) {
      const doc = device.heldDoc(orderDocName(row.id));
      const view = doc ? readOrder(doc) : null;
      if (view) views.push(view);
    }
    return cashDrivers(views);
  }, [device, out, done]);
}
