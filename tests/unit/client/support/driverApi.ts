import { NETWORK_ERROR_CODE, type ApiResult } from '../../../../client/common/api/http';
import type { DriverApi, TrailPoint } from '../../../../client/driver/model/driverApi';

export const OFFLINE: ApiResult = {
  ok: false,
  error: { code: NETWORK_ERROR_CODE, message: 'Cannot reach the Dabba server.', details: { status: 0 } },
};
export const OK: ApiResult = { ok: true, value: null };
export const refused = (status: number, code: string, message: string): ApiResult => ({
  ok: false,
  error: { code, message, details: { status } },
});

/** A driver API whose answers the test scripts (each call takes the next; none left: offline), recording every call. */
export function scriptedDriverApi(answers: ApiResult[] = []) {
  const calls = {
    shift: [] as boolean[],
    locations: [] as (readonly TrailPoint[])[],
    proofs: [] as { orderId: string; sha256: string; type: string; size: number }[],
  };
  const next = async (): Promise<ApiResult> => answers.shift() ?? OFFLINE;
  const api: DriverApi = {
    me: async () => ({ result: await next(), serverTime: null }),
    shift: (onShift) => {
      calls.shift.push(onShift);
      return next();
    },
    locations: (points) => {
      calls.locations.push(points);
      return next();
    },
    accept: () => next(),
    decline: () => next(),
    putProof: (orderId, sha256, type, bytes) => {
      calls.proofs.push({ orderId, sha256, type, size: bytes.length });
      return next();
    },
  };
  return { api, calls, answers };
}
