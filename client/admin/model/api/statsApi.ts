import { statsResponseSchema, type StatsResponse } from '../../../../shared/api/adminStats';
import { fail, ok, type Result } from '../../../../shared/result';
import { getJson, NETWORK_ERROR_CODE, readAnswer, type Answer } from '../../../common/api/http';

export interface StatsRange {
  /** Epoch ms, inclusive. */
  readonly from: number;
  /** Epoch ms, exclusive. */
  readonly to: number;
  /** Where hourly and daily buckets start: the admin's own zone, so "today" is their today. */
  readonly timeZone: string;
}

/** `GET /api/admin/stats` for the range, as the signed-in admin. */
export async function fetchStats(token: string, range: StatsRange): Promise<Answer<StatsResponse>> {
  const query = new URLSearchParams({ from: String(range.from), to: String(range.to), tz: range.timeZone });
  const result = await getJson(`/api/admin/stats?${query}`, { authorization: `Bearer ${token}` });
  return readAnswer(result, statsResponseSchema, 'The numbers could not be read.');
}

export interface CsvFile {
  readonly blob: Blob;
  readonly fileName: string;
}

/**
 * `GET /api/admin/orders.csv` for the range. It needs the bearer, so it is fetched here and handed to
 * the browser as a file rather than linked to.
 */
export async function fetchOrdersCsv(token: string, range: Pick<StatsRange, 'from' | 'to'>): Promise<Result<CsvFile>> {
  let response: Response;
  try {
    response = await fetch(`/api/admin/orders.csv?from=${range.from}&to=${range.to}`, { headers: { authorization: `Bearer ${token}` } });
  } catch {
    return fail(NETWORK_ERROR_CODE, 'The export needs the network: this device cannot reach the server.');
  }
  if (!response.ok) return fail('http_error', `The server answered ${response.status}.`);
  const named = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  return ok({ blob: await response.blob(), fileName: named?.[1] ?? 'dabba-orders.csv' });
}
