import type { UserId } from '../../shared/ids';
import type { DriverPresence } from '../presence/driverPresence';
import type { DriverRepo } from '../storage/drivers';
import type { UserRepo } from '../storage/users';
import { firstNameOf } from '../../shared/names';
import type { TrackDriver } from './trackView';

export type TrackDriverSource = (driverId: UserId) => Promise<TrackDriver>;

/**
 * The driver as a tracking link sees them: first name, and the newest position a device measured
 * (live presence, else the stored one). A declared position (seed, delivery API) is not a sighting.
 */
export function trackDrivers(users: UserRepo, drivers: DriverRepo, presence: DriverPresence): TrackDriverSource {
  return async (driverId) => {
    const user = await users.findById(driverId);
    const live = await presence.position(driverId);
    const stored = (await drivers.get(driverId))?.position ?? null;
    const measured = stored && !stored.declared ? stored : null;
    const newest = live && (!measured || live.at >= measured.at) ? live : measured;
    return {
      firstName: user ? firstNameOf(user.name) : null,
      position: newest ? { lat: newest.lat, lng: newest.lng, at: newest.at } : null,
    };
  };
}
