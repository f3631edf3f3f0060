import type { OrderId, UserId } from '../../shared/ids';
import type { Clock } from '../clock';
import type { DriverOrders } from '../storage/driverOrders';
import { Throttle } from './throttle';

/** A tracking page needs a moving dot, not every fix: one projection write per order per this long at most. */
export const TRACK_POSITION_INTERVAL_MS = 5_000;

/**
 * When a driver's device uploads positions: moves their dot on the tracking links of the orders they
 * are carrying, throttled per order, and passes the position on for the orders they are yet to collect
 * (the outlet hears when they arrive; once said, the rest are cheap no-ops).
 */
export class TrackPositions {
  private readonly throttle: Throttle<OrderId>;

  constructor(
    private readonly driverOrders: DriverOrders,
    refreshTrack: (orderId: OrderId) => void,
    private readonly positioned: (driverId: UserId, orderId: OrderId) => Promise<void>,
    clock: Clock,
    intervalMs = TRACK_POSITION_INTERVAL_MS,
  ) {
    this.throttle = new Throttle(intervalMs, clock, refreshTrack);
  }

  async driverMoved(driverId: UserId): Promise<void> {
    const { onBoard, toCollect } = await this.driverOrders.byStage(driverId);
    for (const orderId of onBoard) this.throttle.request(orderId);
    await Promise.all(toCollect.map((orderId) => this.positioned(driverId, orderId)));
  }

  close(): void {
    this.throttle.cancel();
  }
}
