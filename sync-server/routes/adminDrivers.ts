import { Hono } from 'hono';
import type { AdminDriver, AdminDriverList, DriverPosition } from '../../shared/api/adminDrivers';
import type { TokenService } from '../auth/tokens';
import { forbidden } from '../errors';
import type { PositionFix } from '../presence/driverPresence';
import type { Presence } from '../presence/presence';
import type { DriverOrders } from '../storage/driverOrders';
import type { DriverRecord, DriverRepo } from '../storage/drivers';
import { requireActor } from './bearer';

export interface AdminDriverRouteDeps {
  readonly tokens: TokenService;
  readonly drivers: DriverRepo;
  readonly driverOrders: DriverOrders;
  readonly presence: Pick<Presence, 'position' | 'devicesOfUser'>;
}

/** The newer of presence's live fix and the stored position, by device time. */
function newest(live: PositionFix | null, stored: DriverRecord['position']): DriverPosition | null {
  const fix = live && (!stored || live.at >= stored.at) ? live : stored;
  return fix ? { lat: fix.lat, lng: fix.lng, at: fix.at, accuracy: fix.accuracy } : null;
}

/** `/api/admin/drivers`: every driver with shift, load, position and connection, for the admin app's dispatch and map. */
export function adminDriverRoutes(deps: AdminDriverRouteDeps): Hono {
  return new Hono().get('/', async (c) => {
    const actor = await requireActor(c, deps.tokens);
    if (actor.role !== 'admin') throw forbidden('The drivers list is for admins.');
    const drivers = await Promise.all(
      (await deps.drivers.all()).map(async (d): Promise<AdminDriver> => {
        const [live, devices] = await Promise.all([deps.presence.position(d.id), deps.presence.devicesOfUser(d.id)]);
        return {
          id: d.id,
          name: d.name,
          phone: d.phone,
          onShift: d.onShift,
          capacity: d.capacity,
          activeOrders: await deps.driverOrders.active(d.id),
          position: newest(live, d.position),
          connected: devices.length > 0,
        };
      }),
    );
    c.header('Cache-Control', 'private, no-store');
    return c.json({ drivers: drivers.sort((a, b) => a.name.localeCompare(b.name)) } satisfies AdminDriverList);
  });
}
