import type { AdminUser, DriverFacts } from '../../shared/api/adminUsers';
import type { UserId } from '../../shared/ids';
import type { Presence } from '../presence/presence';
import type { DriverDay, DriverOrders } from '../storage/driverOrders';
import type { DriverRecord, DriverRepo } from '../storage/drivers';
import type { ListedUser } from '../storage/users';

export interface DescribeDeps {
  readonly drivers: DriverRepo;
  readonly driverOrders: DriverOrders;
  readonly presence: Presence;
}

function driverFacts(d: DriverRecord, active: number, day: DriverDay | undefined): DriverFacts {
  return {
    phone: d.phone,
    capacity: d.capacity,
    onShift: d.onShift,
    shiftChangedAt: d.shiftChangedAt,
    activeOrders: active,
    deliveriesToday: day?.deliveries ?? 0,
    cashCollectedToday: day ? [...day.cash] : [],
    position: d.position ? { lat: d.position.lat, lng: d.position.lng, at: d.position.at, declared: d.position.declared } : null,
  };
}

/**
 * Accounts as admins see them: with their live sockets (presence) and, for drivers, shift, work in
 * hand and the day's deliveries since `since` (the order index). A few reads whatever the number of users.
 */
export async function describeUsers(deps: DescribeDeps, users: readonly ListedUser[], since: number): Promise<AdminUser[]> {
  const live = new Map<UserId, number>();
  for (const device of await deps.presence.list()) live.set(device.userId, (live.get(device.userId) ?? 0) + 1);
  const hasDrivers = users.some((u) => u.role === 'driver');
  const drivers = new Map(hasDrivers ? (await deps.drivers.all()).map((d) => [d.id, d] as const) : []);
  const active = hasDrivers ? await deps.driverOrders.activeCounts() : new Map<UserId, number>();
  const days = hasDrivers ? await deps.driverOrders.deliveredSince(since) : new Map<UserId, DriverDay>();
  return users.map((u) => {
    const driver = u.role === 'driver' ? drivers.get(u.id) : undefined;
    return {
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      outletId: u.outletId,
      disabled: u.disabled,
      createdAt: u.createdAt,
      liveDevices: live.get(u.id) ?? 0,
      driver: driver ? driverFacts(driver, active.get(u.id) ?? 0, days.get(u.id)) : null,
    };
  });
}
