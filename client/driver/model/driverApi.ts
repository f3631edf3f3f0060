import { z } from 'zod';
import { getJsonTimed, postJson, putBytes, type ApiResult, type TimedApiResult } from '../../common/api/http';
import type { ProofImageType } from '../../common/store/db';

/** A point of the breadcrumb trail as `POST /api/driver/locations` takes it. */
export interface TrailPoint {
  readonly lat: number;
  readonly lng: number;
  readonly at: number;
  readonly accuracy?: number;
}

/** The driver endpoints (README "Driver app"), as the signed-in driver. */
export interface DriverApi {
  me(): Promise<TimedApiResult>;
  shift(onShift: boolean): Promise<ApiResult>;
  locations(points: readonly TrailPoint[]): Promise<ApiResult>;
  accept(orderId: string): Promise<ApiResult>;
  decline(orderId: string): Promise<ApiResult>;
  putProof(orderId: string, sha256: string, type: ProofImageType, bytes: Uint8Array): Promise<ApiResult>;
}

export function driverApi(token: string): DriverApi {
  const auth = { authorization: `Bearer ${token}` };
  const order = (orderId: string): string => encodeURIComponent(orderId);
  return {
    me: () => getJsonTimed('/api/driver/me', auth),
    shift: (onShift) => postJson('/api/driver/shift', { onShift }, auth),
    locations: (points) => postJson('/api/driver/locations', { points }, auth),
    accept: (orderId) => postJson(`/api/driver/offers/${order(orderId)}/accept`, {}, auth),
    decline: (orderId) => postJson(`/api/driver/offers/${order(orderId)}/decline`, {}, auth),
    putProof: (orderId, sha256, type, bytes) => putBytes(`/api/orders/${order(orderId)}/proofs/${sha256}`, bytes, type, auth),
  };
}

/** `GET /api/driver/me`, as far as the app uses it. */
export const driverMeSchema = z.object({
  id: z.string(),
  name: z.string(),
  onShift: z.boolean(),
  capacity: z.number(),
  activeOrders: z.number(),
});
export type DriverMe = z.infer<typeof driverMeSchema>;
