import { useCallback } from 'react';
import { useDevice } from '../../../common/device/DeviceContext';
import { useLiveQuery } from '../../../common/device/useLiveQuery';
import { markConflictsSeen, seenConflictCounts } from '../../../common/store/seenConflicts';

const NONE: ReadonlyMap<string, number> = new Map();

/** Which lost changes staff have acknowledged on this device, and the way to acknowledge more. */
export function useSeenConflicts(): {
  readonly seen: ReadonlyMap<string, number>;
  readonly markSeen: (orderId: string, count: number) => void;
} {
  const device = useDevice();
  const seen = useLiveQuery<ReadonlyMap<string, number>>(() => seenConflictCounts(device.db), 'seen-conflicts', NONE);
  const markSeen = useCallback(
    (orderId: string, count: number) => {
      markConflictsSeen(device.db, orderId, count).catch((error: unknown) => console.error('dabba: could not save that', error));
    },
    [device],
  );
  return { seen, markSeen };
}
