import type { Context } from 'hono';
import { TrackingTokenSchema } from '../../shared/ids';
import { notFound } from '../errors';
import { tooManyAttempts, type RateLimiter } from '../limits/rateLimit';
import { lookUpSecret } from '../limits/secretLookup';
import type { OrderIndex, OrderIndexRow } from '../storage/orderIndex';
import { clientAddress } from './clientAddress';

/**
 * The order a `/<trackingToken>/…` route acts on. The token is the credential, so an unknown one spends
 * the address's tracking-lookup budget, the one GET /api/track and sockets spend; once spent, even a
 * right token waits.
 */
export async function trackedOrder(c: Context, orders: OrderIndex, lookups: RateLimiter): Promise<OrderIndexRow> {
  const token = TrackingTokenSchema.safeParse(c.req.param('token'));
  const lookup = await lookUpSecret(lookups, clientAddress(c), () => (token.success ? orders.byTrackingToken(token.data) : null));
  if (lookup.kind === 'found') return lookup.value;
  if (lookup.kind === 'refused') throw tooManyAttempts(lookup.retryAfterMs);
  throw notFound('This tracking link');
}
