import type { UserId } from '../../../shared/ids';
import { useDevice } from '../../common/device/DeviceContext';
import { useLiveQuery } from '../../common/device/useLiveQuery';
import { driverPending, NOTHING_PENDING, type DriverPending } from './driverPending';

export function usePending(driverId: UserId): DriverPending {
  const device = useDevice();
  return useLiveQuery(() => driverPending(device.db, driverId), `driver-pending:${driverId}`, NOTHING_PENDING);
}
