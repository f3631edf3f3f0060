import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { ServerMetrics } from './serverMetrics';

/**
 * Counts every answered request by the route pattern that answered it (`/api/admin/users/:id`, never
 * the id), so the label set stays as small as the route table. Errors are answered by onError before
 * this sees the status.
 */
export function httpMetrics(metrics: ServerMetrics): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    metrics.httpAnswered(c.req.method, routePath(c), c.res.status, (performance.now() - started) / 1000);
  };
}
