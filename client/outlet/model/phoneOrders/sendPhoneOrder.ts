import { postJson, type ApiResult } from '../../../common/api/http';
import type { PhoneOrderRow } from '../../../common/store/db';

/** `POST /api/orders` for one outbox entry, as the signed-in staff member, under the entry's key. */
export function sendPhoneOrder(row: PhoneOrderRow, token: string): Promise<ApiResult> {
  return postJson('/api/orders', row.request, { authorization: `Bearer ${token}`, 'idempotency-key': row.key });
}
