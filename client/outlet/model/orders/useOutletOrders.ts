import type { OrderRow } from '../../../common/store/db';
import { outletOrderRows } from '../../../common/store/orderRows';
import { useDevice } from '../../../common/device/DeviceContext';
import { useLiveQuery } from '../../../common/device/useLiveQuery';

const NONE: readonly OrderRow[] = [];

/** The outlet's orders as stored on this device, newest first, live. */
export function useOutletOrders(outletId: string): readonly OrderRow[] {
  const device = useDevice();
  return useLiveQuery(() => outletOrderRows(device.db, outletId), `outlet-orders:${outletId}`, NONE);
}
