import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../errors';

const KiB = 1024;

/**
 * How large a request body each kind of route takes. Each is a few times what the app or API client
 * really sends, and far below what would let one request pin memory: a body is read whole before it is
 * parsed (with no Content-Length, up to the limit and not a byte further).
 */
export const BODY_LIMITS = {
  /** Sign-in, shift, offer answers, the delivery-agent API: a handful of short fields. */
  form: 4 * KiB,
  /** A push token registration: one FCM token (at most 4 KiB) and two short fields. */
  device: 8 * KiB,
  /** A pull: up to 20 document names with their state vectors (a few hundred bytes each in practice). */
  pull: 64 * KiB,
  /** An order or a quote: up to 100 lines with their modifiers, the address and notes (a full cart is ~20 KiB). */
  order: 64 * KiB,
  /** A batch of up to 500 breadcrumb points (~50 KiB). */
  locations: 64 * KiB,
  /** Any other route: none takes more than an order. */
  fallback: 64 * KiB,
} as const;

const describe = (bytes: number): string => (bytes >= 1024 * KiB ? `${bytes / (1024 * KiB)} MiB` : `${bytes / KiB} KiB`);

/** Refuses a body over `maxBytes` with 413 `payload_too_large`, through the one error handler. */
export function limitBody(maxBytes: number, what = 'The request body'): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new AppError(413, 'payload_too_large', `${what} may be at most ${describe(maxBytes)}.`);
    },
  });
}
