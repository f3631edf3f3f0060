import { busyMinutes, takingOrders, type Catalog } from '../../../shared/catalog/outletDoc';
import type { DocSyncState } from '../../common/store/db';
import { useOutletTime } from '../../common/time/OutletTimeContext';
import { StatusLine, type StatusPart } from '../../common/ui/StatusLine';

/**
 * One line that answers "are we taking orders, and is everything on the server?": paused or busy
 * (with when it ends by itself), and what is still only on this device.
 */
export function OutletStatusLine({
  catalog,
  now,
  unsyncedOrders,
  outletSync,
  waitingPhoneOrders,
}: {
  readonly catalog: Catalog | null;
  readonly now: number;
  readonly unsyncedOrders: number;
  readonly outletSync: DocSyncState;
  readonly waitingPhoneOrders: number;
}) {
  const { time } = useOutletTime();
  const parts: StatusPart[] = [];
  if (catalog) {
    const taking = takingOrders(catalog, now);
    if (!taking.ok) {
      const paused = catalog.paused && (catalog.paused.until === null || catalog.paused.until > now);
      parts.push({
        text: paused ? `New orders paused${catalog.paused.until ? ` until ${time(catalog.paused.until)}` : ''}` : 'Closed now',
        tone: 'bad',
      });
    }
    const extra = busyMinutes(catalog, now);
    if (extra > 0 && catalog.busy) parts.push({ text: `Busy: +${extra} min until ${time(catalog.busy.until)}`, tone: 'warn' });
  } else {
    parts.push({ text: 'The menu has not reached this device yet', tone: 'warn' });
  }
  if (unsyncedOrders > 0)
    parts.push({
      text: `${unsyncedOrders === 1 ? '1 order has' : `${unsyncedOrders} orders have`} changes only on this device`,
      tone: 'warn',
    });
  if (outletSync === 'local') parts.push({ text: 'Availability changes only on this device', tone: 'warn' });
  if (waitingPhoneOrders > 0)
    parts.push({ text: `${waitingPhoneOrders} phone ${waitingPhoneOrders === 1 ? 'order' : 'orders'} not placed yet`, tone: 'warn' });
  return <StatusLine label="Outlet status" parts={parts} />;
}
