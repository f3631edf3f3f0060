import { useCallback, useMemo } from 'react';
import type { OutletId } from '../../../shared/ids';
import type { Actor } from '../../../shared/roles';
import { useDevice, useDeviceSnapshot } from '../../common/device/DeviceContext';
import { useOutletCatalog } from '../model/catalog/useOutletCatalog';
import { useBoardCounts, useStatusOrders } from '../model/orders/useBoardOrders';
import { useEscalatedOrders } from '../model/orders/useEscalatedOrders';
import { useOrderCommands } from '../model/orders/useOrderCommands';
import { usePhoneOrders } from '../model/phoneOrders/usePhoneOrders';
import { useRefusals } from '../../common/refusals/useRefusals';
import { useDevicePush, usePushStatus } from '../../common/push/PushContext';
import { NotificationsControl } from '../../common/ui/NotificationsControl';
import { SignOutButton } from '../../common/ui/SignOutButton';
import { ConnectionBanner } from '../../common/ui/ConnectionBanner';
import { RefusalList } from '../../common/ui/RefusalList';
import { StorageErrorLine } from '../../common/ui/StorageErrorLine';
import { useNow } from '../../common/ui/useNow';
import { outletTime } from '../../common/time/outletTime';
import { OutletTimeProvider } from '../../common/time/OutletTimeContext';
import { AvailabilityScreen } from '../../common/availability/AvailabilityScreen';
import { CashScreen } from '../cash/CashScreen';
import { HistoryScreen } from '../history/HistoryScreen';
import { OrdersScreen } from '../orders/OrdersScreen';
import { acceptPrepMinutes } from '../orders/prepTime';
import { PhoneOrderScreen } from '../phone/PhoneOrderScreen';
import { PrinterProvider } from '../print/PrinterContext';
import { LateBanner } from '../ring/LateBanner';
import { RingBanner } from '../ring/RingBanner';
import { useRinger } from '../ring/useRinger';
import { MuteToggle } from './MuteToggle';
import { NavTabs } from './NavTabs';
import { OutletStatusLine } from './OutletStatusLine';
import { useOutletRoute } from './useOutletRoute';

/**
 * Everything around the screens: the header, the connection and sync state, the new-order ring
 * (it rings on every screen), and the printer. Screens get the data they show from here.
 */
export function OutletShell({ outletId, actor }: { readonly outletId: OutletId; readonly actor: Actor }) {
  const device = useDevice();
  const { connection, storageError } = useDeviceSnapshot();
  const [route, go] = useOutletRoute();
  const now = useNow(60_000);
  const { value: catalog, syncState: outletSync } = useOutletCatalog(outletId);
  const timeZone = catalog?.profile.timezone ?? null;
  // The outlet's day, not the tablet's: "done today" turns over at the outlet's midnight.
  const today = outletTime(timeZone).startOfDay(now);
  const placed = useStatusOrders(outletId, 'placed');
  const counts = useBoardCounts(outletId, today);
  const phone = usePhoneOrders(outletId);
  const escalated = useEscalatedOrders(outletId);
  const { refusals, dismiss } = useRefusals();
  const push = useDevicePush();
  const pushStatus = usePushStatus();

  const newOrders = useMemo(
    () =>
      [...(placed ?? [])]
        .sort((a, b) => a.placedAt - b.placedAt)
        .map((o) => {
          const escalatedAt = escalated.get(o.id);
          // An escalation rings again on every device, until someone acknowledges it after that.
          const acknowledged = o.acknowledgedAt !== null && (escalatedAt === undefined || o.acknowledgedAt > escalatedAt);
          return { id: o.id, customerName: o.customerName, escalated: escalatedAt !== undefined, acknowledged };
        }),
    [placed, escalated],
  );
  const ringer = useRinger(newOrders);
  const runAction = useOrderCommands();
  const { acknowledge, state: ring } = ringer;
  // Quiet here at once; the orders' events then quiet every other device of the outlet, and this one after a reload.
  const acknowledgeAll = useCallback(() => {
    acknowledge();
    const pending = new Set(ring.pending.map((o) => o.id));
    for (const order of (placed ?? []).filter((o) => pending.has(o.id))) {
      void runAction(order.id, 'acknowledge', {}).then((outcome) => {
        if (!outcome.ok) console.warn('dabba: could not record the acknowledgement', outcome.error.message);
      });
    }
  }, [acknowledge, ring.pending, placed, runAction]);
  const unsynced = counts?.unsynced ?? 0;
  const defaultPrep = acceptPrepMinutes(catalog, now);
  const waitingPhone = phone.entries.filter((e) => e.state !== 'placed').length;

  return (
    <OutletTimeProvider timeZone={timeZone}>
      <PrinterProvider outletName={catalog?.profile.name ?? 'Dabba'}>
        <header className="app-header">
          <h1 className="app-header__title">{catalog?.profile.name ?? 'Dabba Outlet'}</h1>
          <NavTabs current={route.screen} badges={{ board: newOrders.length, phone: waitingPhone }} />
          <div className="app-header__tools">
            <MuteToggle muted={ringer.state.muted} onChange={ringer.setMuted} />
            <NotificationsControl status={pushStatus} onTurnOn={() => void push.turnOn()} onTurnOff={() => void push.turnOff()} />
            <SignOutButton unsyncedCount={unsynced} onSignOut={() => void device.signOut()} />
          </div>
        </header>
        <ConnectionBanner connection={connection} />
        <RingBanner ringer={ringer} onAcknowledge={acknowledgeAll} />
        <LateBanner outletId={outletId} muted={ringer.state.muted} />
        <OutletStatusLine catalog={catalog} now={now} unsyncedOrders={unsynced} outletSync={outletSync} waitingPhoneOrders={waitingPhone} />
        <main className="app-main app-main--wide">
          <StorageErrorLine error={storageError} />
          <RefusalList refusals={refusals} onDismiss={dismiss} />
          {route.screen === 'board' ? (
            <OrdersScreen
              outletId={outletId}
              actor={actor}
              placed={placed}
              counts={counts}
              today={today}
              catalog={catalog}
              defaultPrepMinutes={defaultPrep}
              phoneEntries={phone.entries}
              onEditPhoneOrder={(key) => go('phone', key)}
              onDiscardPhoneOrder={phone.discard}
            />
          ) : null}
          {route.screen === 'availability' ? <AvailabilityScreen outletId={outletId} catalog={catalog} syncState={outletSync} /> : null}
          {route.screen === 'phone' ? (
            <PhoneOrderScreen outletId={outletId} catalog={catalog} phone={phone} editing={route.param} onDone={() => go('board')} />
          ) : null}
          {route.screen === 'history' ? <HistoryScreen outletId={outletId} /> : null}
          {route.screen === 'cash' ? <CashScreen outletId={outletId} /> : null}
        </main>
      </PrinterProvider>
    </OutletTimeProvider>
  );
}
