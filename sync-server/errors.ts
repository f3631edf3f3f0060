import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from './log';

/** The one error type routes throw; `onError` turns it into `{error:{code,message}}`. */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Extra response headers, e.g. Retry-After on a 429. */
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (code: string, message: string, details?: unknown): AppError => new AppError(400, code, message, details);
export const unauthorized = (message = 'Sign in first.'): AppError => new AppError(401, 'unauthorized', message);
export const forbidden = (message = 'You are not allowed to do this.', code = 'forbidden'): AppError => new AppError(403, code, message);
export const notFound = (what: string): AppError => new AppError(404, 'not_found', `${what} was not found.`);
export const conflict = (code: string, message: string): AppError => new AppError(409, code, message);
/** 429 with a Retry-After (whole seconds, at least 1) that says when asking again can succeed. */
export const tooManyRequests = (message: string, retryAfterSeconds: number): AppError =>
  new AppError(429, 'rate_limited', message, undefined, { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) });

export function errorHandler(log: Logger) {
  return (err: Error, c: Context): Response => {
    if (err instanceof AppError) {
      const body: { code: string; message: string; details?: unknown } = { code: err.code, message: err.message };
      if (err.details !== undefined) body.details = err.details;
      return c.json({ error: body }, err.status, err.headers);
    }
    log.error('unhandled error', { path: c.req.path, error: err.stack ?? String(err) });
    return c.json({ error: { code: 'internal', message: 'Something went wrong on the server.' } }, 500);
  };
}
