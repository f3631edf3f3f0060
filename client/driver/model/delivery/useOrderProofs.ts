import { useDevice } from '../../../common/device/DeviceContext';
import { useLiveQuery } from '../../../common/device/useLiveQuery';
import type { ProofRow } from '../../../common/store/db';
import { proofsOfOrder } from '../../../common/store/proofs';

const NONE: readonly ProofRow[] = [];

/** The proof images this phone took for an order, and whether each reached the server. */
export function useOrderProofs(orderId: string): readonly ProofRow[] {
  const device = useDevice();
  return useLiveQuery(() => proofsOfOrder(device.db, orderId), `proofs:${orderId}`, NONE);
}
