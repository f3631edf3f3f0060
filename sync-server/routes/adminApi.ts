import { Hono } from 'hono';
import { adminOrdersCsvRoutes, type AdminOrdersCsvRouteDeps } from './adminOrdersCsv';
import { adminStatsRoutes, type AdminStatsRouteDeps } from './adminStats';
import { adminUserRoutes, type AdminUserRouteDeps } from './adminUsers';

export type AdminApiDeps = AdminUserRouteDeps & AdminStatsRouteDeps & AdminOrdersCsvRouteDeps;

/** `/api/admin`: the admin app's REST, where documents are not the right tool. Each resource checks for an admin itself. */
export function adminApi(deps: AdminApiDeps): Hono {
  return new Hono().route('/users', adminUserRoutes(deps)).route('/stats', adminStatsRoutes(deps)).route('/', adminOrdersCsvRoutes(deps));
}
