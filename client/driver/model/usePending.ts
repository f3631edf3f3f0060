import type { UserId } from '../../../shared/ids';
import { useDevice } from '../../common/device/DeviceContext';
import { useLiveQuery } from '../../common/device/useLiveQuery';
import { countLocations } from '../../common/store/locations';
import { countWaitingProofs } from '../../common/store/proofs';

/** What is only on this phone so far: each shows as waiting until the server has it. */
export interface DriverPending {
  /** Orders with changes (picked up, delivered…) the server has not acknowledged. */
  readonly orders: number;
  readonly photos: number;
  readonly locations: number;
}

const NONE: DriverPending = { orders: 0, photos: 0, locations: 0 };

export function usePending(driverId: UserId): DriverPending {
  const device = useDevice();
  return useLiveQuery(
    async () => ({
      orders: await device.db.orders.where('syncState').equals('local').count(),
      photos: await countWaitingProofs(device.db, driverId),
      locations: await countLocations(device.db, driverId),
    }),
    `driver-pending:${driverId}`,
    NONE,
  );
}
