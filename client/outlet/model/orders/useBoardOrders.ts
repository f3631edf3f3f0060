import { useEffect, useState } from 'react';
import type { OrderStatus } from '../../../../shared/order/status';
import type { OrderRow } from '../../../common/store/db';
import { boardCounts, doneTodayRows, statusOrderRows, type BoardCounts, type DoneToday } from '../../../common/store/orderRows';
import { useDevice } from '../../../common/device/DeviceContext';
import { useLiveQuery } from '../../../common/device/useLiveQuery';
import { applyRowChanges, reconcile, sameRows, type RowPatch } from './liveRows';

/** How many of today's closed orders the board lists; the rest are in History. */
export const DONE_SHOWN = 50;

/*
 * The board's reads, each its own so a change touches only the ones whose rows it concerns. Each
 * is null until its first read, so a screen never says "none" while still looking.
 */

/** How often a column reads its rows back in full: the safety net under the writes it applies itself. */
const REREAD_MS = 30_000;

/**
 * The outlet's orders in one status, as stored on this device. The column is read once, then kept
 * current from the rows the device stores (a status change shows as soon as its row is on disk,
 * without reading the column back), and read again every 30 s and when the screen comes back, for
 * what another tab of the app wrote. A live query here would re-read busy columns after every
 * write and slow every tap down (see bench:outlet).
 */
export function useStatusOrders(outletId: string, status: OrderStatus): readonly OrderRow[] | null {
  const device = useDevice();
  const [rows, setRows] = useState<readonly OrderRow[] | null>(null);
  useEffect(() => {
    const belongs = (row: OrderRow): boolean => row.outletId === outletId && row.status === status;
    let patches: RowPatch[] = [];
    let live = true;
    setRows(null);
    const stopPatches = device.onOrderRows((changed, seq) => {
      patches.push({ seq, rows: changed });
      setRows((current) => (current === null ? current : applyRowChanges(current, changed, belongs)));
    });
    const read = async (): Promise<void> => {
      const startedAfter = device.orderRowWrites;
      const fresh = await statusOrderRows(device.db, outletId, status);
      if (!live) return;
      const next = reconcile(fresh, startedAfter, patches, belongs);
      // Writes before this read started are in it, and in every later one.
      patches = patches.filter((p) => p.seq > startedAfter);
      setRows((current) => (current !== null && sameRows(current, next) ? current : next));
    };
    const reread = (): void => {
      read().catch((error: unknown) => console.error('dabba: could not read the orders', error));
    };
    const whenVisible = (): void => {
      if (document.visibilityState === 'visible') reread();
    };
    reread();
    const timer = setInterval(reread, REREAD_MS);
    document.addEventListener('visibilitychange', whenVisible);
    return () => {
      live = false;
      stopPatches();
      clearInterval(timer);
      document.removeEventListener('visibilitychange', whenVisible);
    };
  }, [device, outletId, status]);
  return rows;
}

/** Today's closed orders: the newest few, the count, and those where a change lost a merge. */
export function useDoneToday(outletId: string, since: number): DoneToday | null {
  const device = useDevice();
  return useLiveQuery<DoneToday | null>(() => doneTodayRows(device.db, outletId, since, DONE_SHOWN), `done:${outletId}:${since}`, null);
}

export function useBoardCounts(outletId: string, since: number): BoardCounts | null {
  const device = useDevice();
  return useLiveQuery<BoardCounts | null>(() => boardCounts(device.db, outletId, since), `counts:${outletId}:${since}`, null);
}
