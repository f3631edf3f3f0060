import { isIP } from 'node:net';
import { rateLimitKey } from './addressKey';

/**
 * The most proxies DABBA_TRUSTED_PROXY_HOPS may name. A longer chain is no deployment anyone runs, and a
 * bound keeps a typo (100 for 1) from making every address come from the client-written part.
 */
export const MAX_TRUSTED_PROXY_HOPS = 5;

/** A header as Node or Hono hands it over: absent, one value, or (Node, repeated) several. */
type HeaderValue = string | readonly string[] | undefined;

/**
 * The client's address: the TCP peer's, or, behind `trustedHops` proxies that each append the address
 * they were connected from to X-Forwarded-For, the entry the farthest trusted proxy appended, counted
 * from the right. Entries left of it were written by whoever sent the request and are never read.
 * With `trustedHops` 0 (no proxy trusted) the header is ignored. A header with fewer entries than
 * that, or whose entry there is no bare IP address, means the request did not come as expected: the
 * peer is used, which a client cannot choose.
 */
export function forwardedClient(peer: string | undefined, forwardedFor: HeaderValue, trustedHops: number): string | undefined {
  if (trustedHops <= 0 || forwardedFor === undefined) return peer;
  // Repeated headers are one list, in order (RFC 9110 §5.3): a proxy may add its own line instead of appending.
  const entries = (typeof forwardedFor === 'string' ? forwardedFor : forwardedFor.join(',')).split(',');
  const entry = entries[entries.length - trustedHops]?.trim();
  return entry !== undefined && isIP(entry) !== 0 ? entry : peer;
}

/** The key a request's client is rate-limited by (see forwardedClient and rateLimitKey). */
export const clientKey = (peer: string | undefined, forwardedFor: HeaderValue, trustedHops: number): string =>
  rateLimitKey(forwardedClient(peer, forwardedFor, trustedHops) ?? 'unknown');
