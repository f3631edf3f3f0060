import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { readLedger } from '../../../../shared/cash/ledgerEntries';
import { reconcileCash, type CashReconciliation } from '../../../../shared/cash/reconcile';
import { cashLedgerName, parseDocName } from '../../../../shared/docNames';
import type { UserId } from '../../../../shared/ids';
import { useDevice } from '../../../common/device/DeviceContext';

/**
 * Every listed driver's cash, from their ledgers, which this device holds (kept and synced like the
 * orders, so balances and mismatches read offline too); re-read when a ledger changes.
 */
export function useDriverCash(driverIds: readonly UserId[]): ReadonlyMap<UserId, CashReconciliation> {
  const device = useDevice();
  const key = driverIds.join(',');
  const ids = useRef(driverIds);
  ids.current = driverIds;
  useEffect(() => {
    for (const id of ids.current) void device.holdDoc(cashLedgerName(id));
  }, [device, key]);
  const version = useRef(0);
  const cache = useRef<{ version: number; key: string; value: Map<UserId, CashReconciliation> } | null>(null);
  const subscribe = useCallback(
    (onChange: () => void): (() => void) =>
      device.onDocChange((name) => {
        if (parseDocName(name)?.kind === 'cashLedger') {
          version.current += 1;
          onChange();
        }
      }),
    [device],
  );
  const read = (): Map<UserId, CashReconciliation> => {
    const cached = cache.current;
    if (cached && cached.version === version.current && cached.key === key) return cached.value;
    const value = new Map<UserId, CashReconciliation>();
    for (const id of driverIds) {
      const doc = device.heldDoc(cashLedgerName(id));
      if (doc) value.set(id, reconcileCash(readLedger(doc)));
    }
    cache.current = { version: version.current, key, value };
    return value;
  };
  return useSyncExternalStore(subscribe, read);
}
