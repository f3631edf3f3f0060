import { Hono } from 'hono';
import { statsQuerySchema } from '../../shared/api/adminStats';
import type { TokenService } from '../auth/tokens';
import { computeStats, type StatsDeps } from '../stats/computeStats';
import { requireAdmin } from './bearer';
import { queryParams } from './validate';

export interface AdminStatsRouteDeps extends StatsDeps {
  readonly tokens: TokenService;
}

/** `GET /api/admin/stats` (admins): the numbers behind the admin app's charts. Shapes in shared/api/adminStats.ts. */
export function adminStatsRoutes(deps: AdminStatsRouteDeps): Hono {
  return new Hono().get('/', async (c) => {
    await requireAdmin(c, deps.tokens, 'Statistics');
    const query = queryParams(c, statsQuerySchema);
    c.header('Cache-Control', 'private, no-store');
    return c.json(await computeStats(deps, query));
  });
}
