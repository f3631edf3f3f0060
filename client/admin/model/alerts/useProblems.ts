import { useMemo, useSyncExternalStore } from 'react';
import { ADMIN_INBOX } from '../../../../shared/docNames';
import { startOfLocalDay } from '../../../../shared/order/board';
import { useHeldDoc } from '../../../common/device/useHeldDoc';
import { useNow } from '../../../common/ui/useNow';
import { useAdminDevice, useDriverRoster, useHeldOrders, useOutlets } from '../AdminContext';
import { cashMismatchProblems } from '../cash/cashProblems';
import { useDriverCash } from '../cash/useDriverCash';
import { useDispatch } from '../dispatch/useDispatch';
import { findProblems, type Problem } from './problems';
import { openServerAlerts } from './serverAlerts';

/** The problems to show now, those dismissed on this device left out; re-read as orders, alerts and the clock move. */
export function useProblems(): readonly Problem[] {
  const orders = useHeldOrders();
  const now = useNow(15_000);
  const { value: serverAlerts } = useHeldDoc(ADMIN_INBOX, openServerAlerts);
  const dispatch = useDispatch();
  const { alerts } = useAdminDevice();
  const marks = useSyncExternalStore(alerts.subscribe, alerts.getSnapshot);
  const { drivers } = useDriverRoster();
  const cash = useDriverCash(useMemo(() => drivers.map((d) => d.id), [drivers]));
  const outlets = useOutlets();
  return useMemo(() => {
    const driverName = (id: string): string => drivers.find((d) => d.id === id)?.name ?? 'A driver';
    const partyName = (outletId: string | null): string =>
      outletId === null ? 'the office' : (outlets.find((o) => o.id === outletId)?.name ?? 'an outlet');
    // A mismatch the server already raised is shown once, in the server's words.
    const raised = new Set(serverAlerts.map((a) => a.key));
    const problems = [
      ...findProblems(orders, serverAlerts, dispatch, now, startOfLocalDay(now)),
      ...cashMismatchProblems(cash, driverName, partyName).filter((p) => !raised.has(p.key)),
    ];
    return problems.filter((p) => !(p.key in marks.dismissed));
  }, [orders, serverAlerts, dispatch, now, marks, cash, drivers, outlets]);
}
