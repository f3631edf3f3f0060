import type { DispatchEntry } from '../../../../shared/adminDispatch';
import { ADMIN_INBOX } from '../../../../shared/docNames';
import type { OrderId } from '../../../../shared/ids';
import { useHeldDoc } from '../../../common/device/useHeldDoc';
import { readDispatch } from './readDispatch';

/** What dispatch is doing about each waiting delivery, as `inbox:admin` says (this device's copy offline). */
export function useDispatch(): ReadonlyMap<OrderId, DispatchEntry> {
  return useHeldDoc(ADMIN_INBOX, readDispatch).value;
}
