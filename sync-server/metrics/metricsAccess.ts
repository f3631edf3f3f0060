/** What a `/metrics` request carries that decides whether it is answered. */
export interface ScrapeRequest {
  /** The TCP peer's address. */
  readonly remoteAddress: string | undefined;
  /** Whether it came through a proxy: X-Forwarded-For, Forwarded or X-Real-IP is set. */
  readonly forwarded: boolean;
  /** The Authorization header, as sent. */
  readonly authorization: string | undefined;
}

export type ScrapeVerdict =
  /** Answer with the metrics. */
  | 'allow'
  /** DABBA_METRICS_TOKEN is set and this request did not present it: 401. */
  | 'token_required'
  /** No token is set and this request is not from this machine: 403, nothing it could send would do. */
  | 'local_only';

/** 127.0.0.0/8, ::1 and IPv4-mapped loopback: this machine. */
export const isLoopbackAddress = (address: string | undefined): boolean =>
  address !== undefined && (address === '::1' || /^(?:::ffff:)?127(?:\.\d{1,3}){3}$/i.test(address));

/**
 * `/metrics` is open to this machine and otherwise needs `Authorization: Bearer $DABBA_METRICS_TOKEN`.
 * A request a proxy forwarded is never "this machine", whatever its TCP peer (a proxy on the same host
 * connects from loopback for everyone on the internet), and whatever DABBA_TRUST_PROXY says: a local
 * scraper talks to the server directly.
 */
export function metricsAccess(req: ScrapeRequest, token: string | null, sameSecret: (a: string, b: string) => boolean): ScrapeVerdict {
  const presented = /^Bearer\s+(\S+)$/i.exec((req.authorization ?? '').trim())?.[1];
  if (token !== null && presented !== undefined && sameSecret(presented, token)) return 'allow';
  if (isLoopbackAddress(req.remoteAddress) && !req.forwarded) return 'allow';
  return token === null ? 'local_only' : 'token_required';
}
