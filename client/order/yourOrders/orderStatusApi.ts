import { z } from 'zod';
import { ORDER_STATUSES, type OrderStatus } from '../../../shared/order/status';
import { getJson, readAnswer } from '../../common/api/http';

/** Only the status is read from the tracking view: the rest of its shape belongs to the tracking page. */
const statusSchema = z.object({ status: z.enum(ORDER_STATUSES) });

/** The order's current status through its public `GET /api/track/<token>`; null when it cannot be had now. */
export async function fetchOrderStatus(trackingToken: string): Promise<OrderStatus | null> {
  const answer = readAnswer(await getJson(`/api/track/${encodeURIComponent(trackingToken)}`), statusSchema, 'unreadable status');
  return answer.ok ? answer.value.status : null;
}
