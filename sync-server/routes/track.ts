import { Hono } from 'hono';
import { TrackingTokenSchema } from '../../shared/ids';
import { readTrack } from '../../shared/track';
import { notFound } from '../errors';
import type { OrderIndex } from '../storage/orderIndex';
import type { DocRegistry } from '../sync/docRegistry';
import { clientAddress } from './clientAddress';
import type { RateLimiter } from '../limits/rateLimit';

/**
 * `GET /api/track/:token`: the tracking projection once, for pages and services that do not hold the
 * live `track:<token>` document. The token is the credential, so lookups are limited per client
 * address (right or wrong alike) to make guessing one hopeless; unknown tokens asked for over sockets
 * spend the same budget.
 */
export function trackRoutes(orders: OrderIndex, registry: DocRegistry, lookups: RateLimiter): Hono {
  return new Hono().get('/:token', async (c) => {
    await lookups.hit(clientAddress(c));
    const token = TrackingTokenSchema.safeParse(c.req.param('token'));
    const row = token.success ? await orders.byTrackingToken(token.data) : null;
    if (!row) throw notFound('This tracking link');
    const view = await registry.withDoc({ kind: 'track', token: row.trackingToken }, (doc) => readTrack(doc.ydoc));
    if (!view) throw notFound('This tracking link');
    c.header('Cache-Control', 'no-store');
    return c.json(view);
  });
}
