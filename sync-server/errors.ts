import type { ErrorBody } from '../shared/api/errors';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Failure, Result } from '../shared/result';
import type { Logger } from './log';
import { storageFailureOf, type StorageFailure } from './storage/storageFailure';

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

/** How a route answers each refusal code of a domain service: one table per route module, every code listed. */
export type HttpStatuses<C extends string> = { readonly [K in C]: ContentfulStatusCode };
/** Headers some refusals are answered with (a Retry-After on a 503 worth retrying soon). */
export type HttpHeaders<C extends string> = { readonly [K in C]?: Readonly<Record<string, string>> };

/** A domain refusal as the AppError its route answers with; code and message go out unchanged. */
export const httpError = <C extends string>(statuses: HttpStatuses<C>, failure: Failure<C>, headers?: HttpHeaders<C>): AppError =>
  new AppError(statuses[failure.code], failure.code, failure.message, undefined, headers?.[failure.code]);

/** The value of a result, or its refusal thrown as the route's AppError. */
export function valueOrThrow<T, C extends string>(result: Result<T, C>, statuses: HttpStatuses<C>, headers?: HttpHeaders<C>): T {
  if (!result.ok) throw httpError(statuses, result.error, headers);
  return result.value;
}

const STORAGE_MESSAGES: Readonly<Record<StorageFailure, string>> = {
  full: 'The server’s storage is full, so this could not be saved; try again later.',
  read_only: 'The server cannot write to its storage right now, so this could not be saved; try again later.',
  failed: 'The server’s storage is failing, so this could not be saved; try again later.',
  corrupt: 'The server’s database is damaged, so this could not be saved; the operator has to repair it.',
};

/**
 * The one `onError`: an AppError as it says; a full, read-only, failing or malformed storage as a 503
 * `storage_unavailable` (the request was fine, the server cannot keep it: worth retrying later), told to
 * `storageFailed` so /healthz reports it; anything else as a 500 `internal`.
 */
export function errorHandler(log: Logger, storageFailed: (failure: StorageFailure) => void = () => {}) {
  return (err: Error, c: Context): Response => {
    if (err instanceof AppError) {
      const body: ErrorBody = {
        error:
          err.details === undefined
            ? { code: err.code, message: err.message }
            : { code: err.code, message: err.message, details: err.details },
      };
      return c.json(body, err.status, err.headers);
    }
    const failure = storageFailureOf(err);
    if (failure !== null) {
      storageFailed(failure);
      log.error('storage unavailable', { path: c.req.path, failure, error: String(err) });
      return c.json({ error: { code: 'storage_unavailable', message: STORAGE_MESSAGES[failure] } } satisfies ErrorBody, 503);
    }
    log.error('unhandled error', { path: c.req.path, error: err.stack ?? String(err) });
    return c.json({ error: { code: 'internal', message: 'Something went wrong on the server.' } } satisfies ErrorBody, 500);
  };
}
