/** The server's error shape: `{"error":{"code","message"}}` (DESIGN.md). */
export interface ApiError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

export type ApiResult = { readonly ok: true; readonly body: unknown } | { readonly ok: false; readonly error: ApiError };

export const NETWORK_ERROR_CODE = 'network';

function readError(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object' && 'error' in body) {
    const error = (body as { error: unknown }).error;
    if (error && typeof error === 'object') {
      const { code, message } = error as { code?: unknown; message?: unknown };
      if (typeof code === 'string' && typeof message === 'string') return { status, code, message };
    }
  }
  return { status, code: 'http_error', message: `The server answered ${status}.` };
}

/** Sends a request to the API on this origin; network failures come back as an error, never thrown. */
async function requestJson(path: string, init: RequestInit): Promise<ApiResult> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    return { ok: false, error: { status: 0, code: NETWORK_ERROR_CODE, message: 'Cannot reach the Dabba server.' } };
  }
  const body: unknown = await response.json().catch(() => null);
  return response.ok ? { ok: true, body } : { ok: false, error: readError(response.status, body) };
}

export function getJson(path: string, headers: Readonly<Record<string, string>> = {}): Promise<ApiResult> {
  return requestJson(path, { headers: { accept: 'application/json', ...headers } });
}

/** POSTs JSON to the API on this origin; network failures come back as an error, never thrown. */
export function postJson(path: string, payload: unknown, headers: Readonly<Record<string, string>> = {}): Promise<ApiResult> {
  return requestJson(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(payload) });
}
