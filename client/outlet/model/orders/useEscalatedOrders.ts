import type * as Y from 'yjs';
import { outletInboxName } from '../../../../shared/docNames';
import type { OrderId, OutletId } from '../../../../shared/ids';
import { escalatedOrders } from '../../../../shared/inbox';
import { useHeldDoc } from '../../../common/device/useHeldDoc';

const NONE: ReadonlyMap<OrderId, number> = new Map();
const read = (doc: Y.Doc | undefined): ReadonlyMap<OrderId, number> => (doc ? escalatedOrders(doc) : NONE);

/** New orders the server escalated because nobody answered them in time, with when (see sync-server/outletWatch). */
export function useEscalatedOrders(outletId: OutletId): ReadonlyMap<OrderId, number> {
  return useHeldDoc(outletInboxName(outletId), read).value;
}
