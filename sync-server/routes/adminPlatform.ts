import { Hono } from 'hono';
import type { Platform } from '../../shared/api/adminPlatform';
import type { TokenService } from '../auth/tokens';
import type { Clock } from '../clock';
import { readPlatform } from '../metrics/platformReading';
import type { MetricSources, ServerMetrics } from '../metrics/serverMetrics';
import { requireAdmin } from './bearer';

export interface AdminPlatformRouteDeps {
  readonly tokens: TokenService;
  readonly clock: Clock;
  readonly metrics: ServerMetrics;
  readonly metricSources: MetricSources;
  readonly startedAt: number;
}

/** `GET /api/admin/platform` (admins): platform health for the admin app (shared/api/adminPlatform.ts). */
export function adminPlatformRoutes(deps: AdminPlatformRouteDeps): Hono {
  return new Hono().get('/', async (c) => {
    await requireAdmin(c, deps.tokens, 'Platform health');
    c.header('Cache-Control', 'private, no-store');
    return c.json((await readPlatform(deps.metrics, deps.metricSources, deps.startedAt, deps.clock.now())) satisfies Platform);
  });
}
