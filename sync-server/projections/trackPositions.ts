import type { OrderId, UserId } from '../../shared/ids';
import type { Clock } from '../clock';
import type { DriverOrders } from '../storage/driverOrders';
import { Throttle } from './throttle';

/** A tracking page needs a moving dot, not every fix: one projection write per order per this long at most. */
export const TRACK_POSITION_INTERVAL_MS = 5_000;

/**
 * Moves the driver's dot on the tracking links of the orders they are carrying when their device
 * uploads positions, throttled per order.
 */
export class TrackPositions {
  private readonly throttle: Throttle<OrderId>;

  constructor(
    private readonly driverOrders: DriverOrders,
    refreshTrack: (orderId: OrderId) => void,
    clock: Clock,
    intervalMs = TRACK_POSITION_INTERVAL_MS,
  ) {
    this.throttle = new Throttle(intervalMs, clock, refreshTrack);
  }

  async driverMoved(driverId: UserId): Promise<void> {
    for (const orderId of await this.driverOrders.pickedUp(driverId)) this.throttle.request(orderId);
  }

  close(): void {
    this.throttle.cancel();
  }
}
