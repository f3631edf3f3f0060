import { useMemo } from 'react';
import { orderDocName } from '../../../../shared/docNames';
import type { OrderId } from '../../../../shared/ids';
import { readOrder } from '../../../../shared/order/orderDoc';
import { useDevice } from '../../../common/device/DeviceContext';
import { orderMenuItems, type OrderMenuItem } from './orderMenuItems';

/**
 * The order's menu items with their ids, read from the order's document this device holds (the
 * board's rows carry names only); empty while the document has not arrived.
 */
export function useOrderMenuItems(orderId: OrderId): readonly OrderMenuItem[] {
  const device = useDevice();
  return useMemo(() => {
    const doc = device.heldDoc(orderDocName(orderId));
    const view = doc ? readOrder(doc) : null;
    return view ? orderMenuItems(view.header) : [];
  }, [device, orderId]);
}
