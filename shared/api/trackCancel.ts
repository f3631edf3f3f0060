import { z } from 'zod';
import { CUSTOMER_REASON_MAX } from '../order/customerCancel';

/**
 * `POST /api/track/<trackingToken>/cancel` (no login: the link is the credential) with an optional
 * `{reason}` → 200 `{status:'cancelled'}`; again after it → the same 200. Refusals: 404 `not_found`,
 * 409 `order_accepted` | `order_finished` | `paid_by_card` (shared/order/customerCancel.ts).
 */
export const customerCancelRequestSchema = z.object({ reason: z.string().trim().min(1).max(CUSTOMER_REASON_MAX).optional() }).strict();
export type CustomerCancelRequest = z.infer<typeof customerCancelRequestSchema>;

export const customerCancelResponseSchema = z.object({ status: z.literal('cancelled') });
export type CustomerCancelResponse = z.infer<typeof customerCancelResponseSchema>;
