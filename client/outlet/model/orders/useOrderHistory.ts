import { useEffect, useState } from 'react';
import { searchServerOrders, type RemoteOrder } from '../../../common/api/orderSearch';
import { useDevice, useDeviceSnapshot } from '../../../common/device/DeviceContext';
import { useLiveQuery } from '../../../common/device/useLiveQuery';
import type { OrderRow } from '../../../common/store/db';
import { orderRowsPlaced } from '../../../common/store/orderRows';
import { matchesQuery } from '../../../common/orders/matchesQuery';

/** How many orders one history page reads from the device. */
const LOCAL_LIMIT = 1_000;
const SERVER_LIMIT = 100;
/** Typing pauses this long before the server is asked. */
const DEBOUNCE_MS = 300;

export interface OrderHistory {
  readonly local: readonly OrderRow[];
  readonly remote: readonly RemoteOrder[];
  /** What the server search is doing, in words; null when it answered. */
  readonly serverNote: string | null;
}

const NONE: readonly OrderRow[] = [];

/** Orders matching `query` placed in [from, to): from the device at once, and from the server when it answers. */
export function useOrderHistory(outletId: string, query: string, from: number | null, to: number | null): OrderHistory {
  const device = useDevice();
  const { session, connection } = useDeviceSnapshot();
  const rows = useLiveQuery(
    () => orderRowsPlaced(device.db, outletId, from ?? 0, to ?? Number.MAX_SAFE_INTEGER, LOCAL_LIMIT),
    `history:${outletId}:${from}:${to}`,
    NONE,
  );
  const [remote, setRemote] = useState<{ orders: readonly RemoteOrder[]; note: string | null }>({ orders: [], note: null });
  const token = session?.token ?? null;
  const online = connection.status === 'online';

  useEffect(() => {
    if (!token) return;
    let live = true;
    setRemote((r) => ({ ...r, note: 'Searching the server…' }));
    const timer = setTimeout(() => {
      void searchServerOrders({ q: query, from, to, limit: SERVER_LIMIT }, token).then((result) => {
        if (!live) return;
        setRemote(result.ok ? { orders: result.value, note: null } : { orders: [], note: result.error.message });
      });
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [token, query, from, to, online]);

  return { local: rows.filter((r) => matchesQuery(r, query)), remote: remote.orders, serverNote: remote.note };
}
