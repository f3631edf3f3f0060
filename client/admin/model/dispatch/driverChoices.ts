import type { AdminDriver } from '../../../../shared/api/adminDrivers';
import { distanceMeters, type LatLng } from '../../../../shared/catalog/zones';
import type { UserId } from '../../../../shared/ids';
import { distanceText } from '../../../common/ui/distanceText';

export interface DriverChoice {
  readonly driver: AdminDriver;
  /** From the driver's last position to the pickup; null when no position is known. */
  readonly meters: number | null;
  readonly hasRoom: boolean;
  /** What the picker says of them: shift, load, distance, whether their app is connected. */
  readonly label: string;
}

function label(driver: AdminDriver, meters: number | null): string {
  const parts = [
    driver.onShift ? 'on shift' : 'off shift',
    `${driver.activeOrders.length} of ${driver.capacity} orders`,
    meters === null ? 'position unknown' : `${distanceText(meters)} from the outlet`,
  ];
  if (!driver.connected) parts.push('app not connected');
  return `${driver.name} (${parts.join(', ')})`;
}

/**
 * The drivers an admin may give an order to, best first: on shift before off, room before full, then
 * the nearest to the pickup. Everyone is listed: an admin may overrule dispatch's policy, knowingly.
 */
export function driverChoices(drivers: readonly AdminDriver[], pickup: LatLng, except: UserId | null): DriverChoice[] {
  return drivers
    .filter((d) => d.id !== except)
    .map((driver) => {
      const meters = driver.position ? distanceMeters(driver.position, pickup) : null;
      return { driver, meters, hasRoom: driver.activeOrders.length < driver.capacity, label: label(driver, meters) };
    })
    .sort(
      (a, b) =>
        Number(b.driver.onShift) - Number(a.driver.onShift) ||
        Number(b.hasRoom) - Number(a.hasRoom) ||
        (a.meters ?? Infinity) - (b.meters ?? Infinity) ||
        a.driver.name.localeCompare(b.driver.name),
    );
}
