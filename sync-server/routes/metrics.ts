import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { AppError, forbidden } from '../errors';
import { metricsAccess } from '../metrics/metricsAccess';
import type { ServerMetrics } from '../metrics/serverMetrics';
import { sameSecret } from './serviceAuth';

/** `GET /metrics`: Prometheus text, open to this machine, elsewhere with `Authorization: Bearer $DABBA_METRICS_TOKEN`. */
export function metricsRoutes(metrics: ServerMetrics, token: string | null): Hono {
  return new Hono().get('/', async (c) => {
    const verdict = metricsAccess(
      {
        remoteAddress: getConnInfo(c).remote.address,
        forwarded: ['x-forwarded-for', 'forwarded', 'x-real-ip'].some((h) => c.req.header(h) !== undefined),
        authorization: c.req.header('Authorization'),
      },
      token,
      sameSecret,
    );
    if (verdict === 'token_required')
      throw new AppError(401, 'unauthorized', 'Send "Authorization: Bearer <DABBA_METRICS_TOKEN>".', undefined, {
        'WWW-Authenticate': 'Bearer realm="metrics"',
      });
    if (verdict === 'local_only')
      throw forbidden(
        'Metrics are served to this machine only; set DABBA_METRICS_TOKEN to scrape them from elsewhere.',
        'metrics_local_only',
      );
    c.header('Cache-Control', 'no-store');
    return c.body(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType });
  });
}
