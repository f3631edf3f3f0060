import type { Context, MiddlewareHandler } from 'hono';
import { contentSecurityPolicy } from './contentSecurityPolicy';

export interface SecurityHeaderOptions {
  /** The map tile host's CSP source, or null. */
  readonly tileSource: string | null;
  /** The apps may fetch Firebase push tokens (they were built with `VITE_FIREBASE_*`). */
  readonly firebasePush: boolean;
  /** Believe X-Forwarded-Proto: a proxy in front terminates TLS and sets it (DABBA_TRUST_PROXY). */
  readonly trustProxy: boolean;
}

/** A year: once a browser has seen the site over TLS, it never tries plain HTTP for it again. */
const HSTS = 'max-age=31536000';

/** The tracking page's URL is the secret that opens it: it must never leave in a Referer. */
const isTrackingPath = (path: string): boolean => /^\/(api\/)?track(\/|$)/.test(path);

function overTls(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (!trustProxy) return false;
  // The first entry is what the client used; a chain of proxies appends theirs after it.
  return (c.req.header('X-Forwarded-Proto') ?? '').split(',')[0]?.trim().toLowerCase() === 'https';
}

/** Headers every answer carries, errors included: CSP, no framing, no sniffing, referrers kept in, HSTS over TLS. */
export function securityHeaders(options: SecurityHeaderOptions): MiddlewareHandler {
  const csp = contentSecurityPolicy(options);
  return async (c, next) => {
    await next();
    c.header('Content-Security-Policy', csp);
    c.header('X-Frame-Options', 'DENY');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', isTrackingPath(c.req.path) ? 'no-referrer' : 'strict-origin-when-cross-origin');
    if (overTls(c, options.trustProxy)) c.header('Strict-Transport-Security', HSTS);
  };
}
