import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { clientKey } from '../limits/clientAddress';

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by `clientAddresses` for every request; see clientAddress. */
    clientAddress?: string;
  }
}

/**
 * Works out each request's client address once, before any route: the TCP peer's, or with
 * `trustedProxyHops` > 0 (DABBA_TRUST_PROXY) the one the trusted proxy put in X-Forwarded-For.
 */
export function clientAddresses(trustedProxyHops: number): MiddlewareHandler {
  return async (c, next) => {
    c.set('clientAddress', clientKey(getConnInfo(c).remote.address, c.req.header('X-Forwarded-For'), trustedProxyHops));
    await next();
  };
}

/** The address a request came from, as the key anonymous callers are rate-limited by. */
export function clientAddress(c: Context): string {
  const address = c.get('clientAddress');
  // A route mounted outside mountRoutes would otherwise put every client in one budget without a word.
  if (address === undefined) throw new Error('clientAddress: the clientAddresses middleware is not mounted');
  return address;
}
