import { EVENT_ID_HEADER, SIGNATURE_HEADER } from '../../shared/api/webhooks';
import { signatureHeader } from './signature';

export type PostOutcome =
  { readonly ok: true; readonly status: number } | { readonly ok: false; readonly status: number | null; readonly error: string };

export interface EventPost {
  readonly url: string;
  readonly secret: string;
  readonly eventId: string;
  readonly body: string;
  /** Server epoch ms: the signature's `t`. */
  readonly now: number;
  readonly timeoutMs: number;
  /** Aborts the POST early (the worker is stopping). */
  readonly signal?: AbortSignal;
}

/**
 * One signed POST. Delivered means a 2xx within the timeout; anything else (another status, a redirect,
 * which is never followed, a refused connection, a timeout) is a failed attempt, worth retrying. The answer's
 * body is not read beyond what closes the connection.
 */
export async function postEvent(p: EventPost): Promise<PostOutcome> {
  try {
    const res = await fetch(p.url, {
      method: 'POST',
      redirect: 'manual',
      signal: p.signal ? AbortSignal.any([p.signal, AbortSignal.timeout(p.timeoutMs)]) : AbortSignal.timeout(p.timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Dabba-Webhooks/1',
        [EVENT_ID_HEADER]: p.eventId,
        [SIGNATURE_HEADER]: signatureHeader(p.secret, p.body, p.now / 1000),
      },
      body: p.body,
    });
    await res.body?.cancel().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status };
    return { ok: false, status: res.status, error: `HTTP ${res.status}` };
  } catch (err: unknown) {
    return { ok: false, status: null, error: describeFailure(err) };
  }
}

function describeFailure(err: unknown): string {
  if (err instanceof DOMException && err.name === 'TimeoutError') return 'timed out';
  if (err instanceof Error) {
    const cause: unknown = err.cause;
    if (cause instanceof Error && 'code' in cause && typeof cause.code === 'string') return `${err.message}: ${cause.code}`;
    return err.message;
  }
  return String(err);
}
