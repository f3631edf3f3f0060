import { customerCancelResponseSchema, type CustomerCancelResponse } from '../../../shared/api/trackCancel';
import type { TrackingToken } from '../../../shared/ids';
import { postJson, readAnswer, type Answer } from '../../common/api/http';

/** `POST /api/track/<token>/cancel`: no account, the link is the credential (shared/api/trackCancel.ts). */
export type CancelOrderApi = (token: TrackingToken) => Promise<Answer<CustomerCancelResponse>>;

export const cancelOrderApi: CancelOrderApi = async (token) =>
  readAnswer(
    await postJson(`/api/track/${encodeURIComponent(token)}/cancel`, {}),
    customerCancelResponseSchema,
    "The server's answer could not be read. Reload the page to see whether the order is cancelled.",
  );
