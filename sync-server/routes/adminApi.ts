import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { DispatchPort } from '../dispatch/dispatchPort';
import { OrderExport } from '../storage/orderExport';
import { OrderStats } from '../storage/orderStats';
import type { Database } from '../storage/sql/schema';
import { adminDriverRoutes, type AdminDriverRouteDeps } from './adminDrivers';
import { adminMenuPhotoRoutes, type AdminMenuPhotoRouteDeps } from './adminMenuPhotos';
import { adminOrdersCsvRoutes, type AdminOrdersCsvRouteDeps } from './adminOrdersCsv';
import { adminPlatformRoutes, type AdminPlatformRouteDeps } from './adminPlatform';
import { adminStatsRoutes, type AdminStatsRouteDeps } from './adminStats';
import { adminUserRoutes, type AdminUserRouteDeps } from './adminUsers';
import { adminWebhookRoutes, type AdminWebhookRouteDeps } from './adminWebhooks';

/** What the admin routes need from the server; the stats and export queries are made here from its database. */
export type AdminApiDeps = Omit<
  AdminUserRouteDeps &
    AdminStatsRouteDeps &
    AdminOrdersCsvRouteDeps &
    AdminPlatformRouteDeps &
    AdminDriverRouteDeps &
    AdminMenuPhotoRouteDeps &
    AdminWebhookRouteDeps,
  'stats' | 'exports' | 'offShift'
> & { readonly dispatcher: DispatchPort; readonly sql: Kysely<Database> };

/** `/api/admin`: the admin app's REST, where documents are not the right tool. Each resource checks for an admin itself. */
export function adminApi(deps: AdminApiDeps): Hono {
  const all = {
    ...deps,
    stats: new OrderStats(deps.sql),
    exports: new OrderExport(deps.sql),
    offShift: (driverId: Parameters<DispatchPort['shiftChanged']>[0]) => {
      deps.dispatcher
        .shiftChanged(driverId, false)
        .catch((err: unknown) => deps.log.error('dispatch: taking a driver off shift failed', { error: String(err) }));
    },
  };
  return new Hono()
    .route('/users', adminUserRoutes(all))
    .route('/drivers', adminDriverRoutes(all))
    .route('/stats', adminStatsRoutes(all))
    .route('/platform', adminPlatformRoutes(all))
    .route('/menu-photos', adminMenuPhotoRoutes(all))
    .route('/webhooks', adminWebhookRoutes(all))
    .route('/', adminOrdersCsvRoutes(all));
}
