import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { EVENT_ID_HEADER, SIGNATURE_HEADER } from '../../shared/api/webhooks';
import type { PinnedAddress } from './privateAddress';
import { signatureHeader } from './signature';

export type PostOutcome =
  { readonly ok: true; readonly status: number } | { readonly ok: false; readonly status: number | null; readonly error: string };

export interface EventPost {
  readonly url: string;
  /** Where the URL's host was resolved to and checked (privateAddress.ts): the only address connected to. */
  readonly address: PinnedAddress;
  /** Signed with each (signature.ts): the current secret first. */
  readonly secrets: readonly string[];
  readonly eventId: string;
  readonly body: string;
  /** Server epoch ms: the signature's `t`. */
  readonly now: number;
  readonly timeoutMs: number;
  /** Aborts the POST early (the worker is stopping). */
  readonly signal?: AbortSignal;
}

/** A resolver that answers every name with the checked address: node:net never asks the system's. */
const pinnedLookup =
  ({ address, family }: PinnedAddress): LookupFunction =>
  (_host, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };

/**
 * One signed POST. Delivered means a 2xx within the timeout; anything else (another status, a redirect,
 * which is never followed, a refused connection, a timeout) is a failed attempt, worth retrying. The
 * connection goes to `address` whatever the name resolves to by now, TLS still checking the certificate
 * against the URL's host; a connection of its own (no pooled sockets), and the answer's body is not read.
 */
export function postEvent(p: EventPost): Promise<PostOutcome> {
  const url = new URL(p.url);
  const timeout = AbortSignal.timeout(p.timeoutMs);
  const signal = p.signal ? AbortSignal.any([p.signal, timeout]) : timeout;
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const answered = (res: IncomingMessage): void => {
      const status = res.statusCode ?? 0;
      res.destroy();
      if (status >= 200 && status < 300) resolve({ ok: true, status });
      else if (status >= 300 && status < 400) resolve({ ok: false, status, error: `HTTP ${status} (redirects are not followed)` });
      else resolve({ ok: false, status, error: `HTTP ${status}` });
    };
    const req = request(
      url,
      {
        method: 'POST',
        agent: false,
        lookup: pinnedLookup(p.address),
        signal,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(p.body),
          'user-agent': 'Dabba-Webhooks/1',
          [EVENT_ID_HEADER]: p.eventId,
          [SIGNATURE_HEADER]: signatureHeader(p.secrets, p.body, p.now / 1000),
        },
      },
      answered,
    );
    req.on('error', (err) => resolve({ ok: false, status: null, error: timeout.aborted ? 'timed out' : err.message }));
    req.end(p.body);
  });
}
