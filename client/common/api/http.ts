import { errorBodySchema } from '../../../shared/api/errors';
import type { z } from 'zod';
import type { DetailedResult, Failure } from '../../../shared/result';

/**
 * The server's error shape `{"error":{"code","message"}}` (DESIGN.md), with the HTTP status it came
 * with in `details` (0 when the server was not reached, 200 when a success could not be read).
 */
export interface ApiError extends Failure {
  readonly details: { readonly status: number };
}

/** The shared Result, its failure carrying the HTTP status: an unread body, or an answer read against shared/api/. */
export type Answer<T> = DetailedResult<T, ApiError>;

/** An answer whose body has not been read against its schema yet. */
export type ApiResult = Answer<unknown>;

const apiError = (status: number, code: string, message: string): ApiError => ({ code, message, details: { status } });

export const NETWORK_ERROR_CODE = 'network';

function readError(status: number, body: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(body);
  return parsed.success
    ? apiError(status, parsed.data.error.code, parsed.data.error.message)
    : apiError(status, 'http_error', `The server answered ${status}.`);
}

/** An answer, with the server's clock when the response said it (the `Date` header, to the second). */
export interface TimedApiResult {
  readonly result: ApiResult;
  readonly serverTime: number | null;
}

/** Sends a request to the API on this origin; network failures come back as an error, never thrown. */
async function exchange(path: string, init: RequestInit): Promise<TimedApiResult> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    return {
      result: { ok: false, error: apiError(0, NETWORK_ERROR_CODE, 'Cannot reach the Dabba server.') },
      serverTime: null,
    };
  }
  const date = Date.parse(response.headers.get('date') ?? '');
  const body: unknown = await response.json().catch(() => null);
  const result: ApiResult = response.ok ? { ok: true, value: body } : { ok: false, error: readError(response.status, body) };
  return { result, serverTime: Number.isFinite(date) ? date : null };
}

async function requestJson(path: string, init: RequestInit): Promise<ApiResult> {
  return (await exchange(path, init)).result;
}

export function getJson(path: string, headers: Readonly<Record<string, string>> = {}): Promise<ApiResult> {
  return requestJson(path, { headers: { accept: 'application/json', ...headers } });
}

/** GET that also says what time the server thinks it is. */
export function getJsonTimed(path: string, headers: Readonly<Record<string, string>> = {}): Promise<TimedApiResult> {
  return exchange(path, { headers: { accept: 'application/json', ...headers } });
}

/** POSTs JSON to the API on this origin; network failures come back as an error, never thrown. */
export function postJson(path: string, payload: unknown, headers: Readonly<Record<string, string>> = {}): Promise<ApiResult> {
  return requestJson(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload) });
}

/** PATCHes JSON on the API on this origin; network failures come back as an error, never thrown. */
export function patchJson(path: string, payload: unknown, headers: Readonly<Record<string, string>> = {}): Promise<ApiResult> {
  return requestJson(path, { method: 'PATCH', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload) });
}

/** PUTs JSON on the API on this origin; network failures come back as an error, never thrown. */
export function putJson(path: string, payload: unknown, headers: Readonly<Record<string, string>> = {}): Promise<ApiResult> {
  return requestJson(path, { method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload) });
}

/** DELETEs on the API on this origin; an empty answer (204) reads as a null value. */
export function deleteRequest(path: string, headers: Readonly<Record<string, string>> = {}): Promise<ApiResult> {
  return requestJson(path, { method: 'DELETE', headers: { accept: 'application/json', ...headers } });
}

/** PUTs raw bytes (an image) to the API on this origin. */
export function putBytes(
  path: string,
  bytes: Uint8Array,
  type: string,
  headers: Readonly<Record<string, string>> = {},
): Promise<ApiResult> {
  // A copy in a plain ArrayBuffer: fetch takes no view over a shared or larger buffer.
  return requestJson(path, { method: 'PUT', headers: { 'content-type': type, ...headers }, body: new Uint8Array(bytes).buffer });
}

/** POSTs a file (an image) as the raw body, with its own type, to the API on this origin. */
export function postFile(path: string, file: Blob, headers: Readonly<Record<string, string>> = {}): Promise<ApiResult> {
  return requestJson(path, { method: 'POST', headers: { 'content-type': file.type, ...headers }, body: file });
}

/** Reads a successful answer's body with its schema; `unreadable` is the message when it does not fit. */
export function readAnswer<T>(result: ApiResult, schema: z.ZodType<T>, unreadable: string): Answer<T> {
  if (!result.ok) return result;
  const parsed = schema.safeParse(result.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: apiError(200, 'bad_response', unreadable) };
}

/**
 * Whether asking again later may get another answer: no network, a sign-in that expired or was ended
 * (someone signs in again), a timeout, a busy or failing server. Anything else is the server's considered "no".
 */
export function worthRetrying(error: ApiError): boolean {
  const { status } = error.details;
  return error.code === NETWORK_ERROR_CODE || status === 401 || status === 408 || status === 429 || status >= 500;
}
