import type { RegisterDevice } from '../../../shared/api/devices';
import { deleteRequest, postJson, type ApiResult } from './http';

/** `POST /api/devices` and `DELETE /api/devices/<pushToken>`: the push tokens of a signed-in user's devices. */
export interface DevicePushApi {
  register(bearer: string, body: RegisterDevice): Promise<ApiResult>;
  unregister(bearer: string, pushToken: string): Promise<ApiResult>;
}

export const devicePushApi: DevicePushApi = {
  register: (bearer, body) => postJson('/api/devices', body, { authorization: `Bearer ${bearer}` }),
  unregister: (bearer, pushToken) => deleteRequest(`/api/devices/${encodeURIComponent(pushToken)}`, { authorization: `Bearer ${bearer}` }),
};
