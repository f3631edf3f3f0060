import type { OrderRow } from '../store/db';
import { outletOrderRows } from '../store/orderRows';
import { useDevice } from '../device/DeviceContext';
import { useLiveQuery } from '../device/useLiveQuery';

const NONE: readonly OrderRow[] = [];

/** The outlet's orders as stored on this device, newest first, live. */
export function useOutletOrders(outletId: string): readonly OrderRow[] {
  const device = useDevice();
  return useLiveQuery(() => outletOrderRows(device.db, outletId), `outlet-orders:${outletId}`, NONE);
}
