import { useCallback, useMemo } from 'react';
import { useDevice } from '../../../common/device/DeviceContext';
import { useLiveQuery } from '../../../common/device/useLiveQuery';
import type { PrintRow } from '../../../common/store/db';
import { listPrints, recordPrint } from '../../../common/store/prints';

const NONE: readonly PrintRow[] = [];

export interface Prints {
  /** How many times each order's ticket was printed on this device. */
  readonly counts: ReadonlyMap<string, number>;
  /** Stable across renders, so printing once records once. */
  readonly record: (orderId: string) => void;
}

export function usePrints(): Prints {
  const device = useDevice();
  const rows = useLiveQuery(() => listPrints(device.db), 'prints', NONE);
  const counts = useMemo(() => new Map(rows.map((r) => [r.orderId, r.count])), [rows]);
  const record = useCallback(
    (orderId: string) => {
      recordPrint(device.db, orderId, Date.now()).catch((error: unknown) => console.error('dabba: could not record the print', error));
    },
    [device],
  );
  return { counts, record };
}
