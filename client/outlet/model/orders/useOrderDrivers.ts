import { outletInboxName } from '../../../../shared/docNames';
import type { OutletId } from '../../../../shared/ids';
import { useHeldDoc } from '../../../common/device/useHeldDoc';
import { orderDrivers, type OrderDriver } from './orderDrivers';

/** Each order's driver, by order id, live from the outlet's inbox this device holds. */
export function useOrderDrivers(outletId: OutletId): ReadonlyMap<string, OrderDriver> {
  return useHeldDoc(outletInboxName(outletId), orderDrivers).value;
}
