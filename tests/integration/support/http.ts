/** JSON requests against the real server, as the apps make them. */
export interface JsonResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export interface RequestOptions {
  readonly token?: string;
  readonly idempotencyKey?: string;
}

function headersFor(options: RequestOptions): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  return headers;
}

async function sendJson<T>(
  method: 'POST' | 'PATCH' | 'PUT',
  url: string,
  body: unknown,
  options: RequestOptions,
): Promise<JsonResponse<T>> {
  const res = await fetch(url, { method, headers: headersFor(options), body: JSON.stringify(body) });
  // A 204 has no body to read.
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as T };
}

export const postJson = <T = unknown>(url: string, body: unknown, options: RequestOptions = {}): Promise<JsonResponse<T>> =>
  sendJson<T>('POST', url, body, options);

export const patchJson = <T = unknown>(url: string, body: unknown, options: RequestOptions = {}): Promise<JsonResponse<T>> =>
  sendJson<T>('PATCH', url, body, options);

export const putJson = <T = unknown>(url: string, body: unknown, options: RequestOptions = {}): Promise<JsonResponse<T>> =>
  sendJson<T>('PUT', url, body, options);

export async function getJson<T = unknown>(url: string, options: RequestOptions = {}): Promise<JsonResponse<T>> {
  const res = await fetch(url, { headers: headersFor(options) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as T };
}

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}

/** The `{code, message}` of an error answer, or null for a success. */
export const errorOf = (res: JsonResponse): ErrorBody['error'] | null =>
  res.body && typeof res.body === 'object' && 'error' in res.body ? (res.body as ErrorBody).error : null;
