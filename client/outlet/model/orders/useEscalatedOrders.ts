import type * as Y from 'yjs';
import { outletInboxName } from '../../../../shared/docNames';
import type { OrderId, OutletId } from '../../../../shared/ids';
import { escalatedOrderIds } from '../../../../shared/inbox';
import { useHeldDoc } from '../../../common/device/useHeldDoc';

const NONE: ReadonlySet<OrderId> = new Set();
const read = (doc: Y.Doc | undefined): ReadonlySet<OrderId> => (doc ? escalatedOrderIds(doc) : NONE);

/** New orders the server escalated because nobody answered them in time (see sync-server/outletWatch). */
export function useEscalatedOrders(outletId: OutletId): ReadonlySet<OrderId> {
  return useHeldDoc(outletInboxName(outletId), read).value;
}
