import { worthRetrying } from '../../../common/api/http';
import type { DabbaDb } from '../../../common/store/db';
import { loadShift, settleShiftWish } from '../../../common/store/driverShift';
import type { PassResult } from '../../../common/sync/retryLoop';
import type { DriverApi } from '../driverApi';

export interface ShiftUploadDeps {
  readonly db: DabbaDb;
  readonly driverId: string;
  readonly api: DriverApi;
  /** Told after the server took (or refused) a wish, so the screen can stop saying "waiting". */
  readonly onSettled: () => void;
}

/**
 * Tells the server the driver's last shift wish, made on this device maybe while offline. Only the
 * last one matters: on, off and on again in a tunnel is one "on" when the network returns.
 */
export async function uploadShift({ db, driverId, api, onSettled }: ShiftUploadDeps): Promise<PassResult> {
  const wish = await loadShift(db, driverId);
  if (!wish || wish.unsynced === 0) return 'idle';
  const answer = await api.shift(wish.onShift);
  if (!answer.ok && worthRetrying(answer.error)) return 'retry';
  const stored = await settleShiftWish(db, wish, answer.ok ? null : answer.error.message);
  if (stored) onSettled();
  // A toggle made while this one was in flight is still waiting.
  return stored ? 'idle' : 'again';
}
