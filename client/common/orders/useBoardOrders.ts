import type { BoardRows } from '../store/orderRows';
import { boardOrderRows } from '../store/orderRows';
import { useDevice } from '../device/DeviceContext';
import { useLiveQuery } from '../device/useLiveQuery';

/** How many of today's closed orders the board lists; the rest are in History. */
export const DONE_SHOWN = 50;

/**
 * The outlet's open orders and today's closed ones (as the board shows them), as stored on this
 * device, live. Null until the first read, so a screen never says "no orders" while still looking.
 */
export function useBoardOrders(outletId: string, doneSince: number): BoardRows | null {
  const device = useDevice();
  return useLiveQuery<BoardRows | null>(() => boardOrderRows(device.db, outletId, doneSince, DONE_SHOWN), `board:${outletId}:${doneSince}`, null);
}
