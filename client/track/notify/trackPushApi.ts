import type { TrackingToken } from '../../../shared/ids';
import { deleteRequest, postJson, type ApiResult } from '../../common/api/http';

/** `POST /api/track/<token>/push` and `DELETE /api/track/<token>/push/<pushToken>`: no account, the link is the credential. */
export interface TrackPushApi {
  register(trackingToken: TrackingToken, pushToken: string): Promise<ApiResult>;
  unregister(trackingToken: TrackingToken, pushToken: string): Promise<ApiResult>;
}

const pushPath = (trackingToken: TrackingToken): string => `/api/track/${encodeURIComponent(trackingToken)}/push`;

export const trackPushApi: TrackPushApi = {
  register: (trackingToken, pushToken) => postJson(pushPath(trackingToken), { pushToken }),
  unregister: (trackingToken, pushToken) => deleteRequest(`${pushPath(trackingToken)}/${encodeURIComponent(pushToken)}`),
};
