import { useEffect } from 'react';
import type { UserId } from '../../../shared/ids';
import { startOfLocalDay } from '../../../shared/order/board';
import { useDeviceSnapshot } from '../../common/device/DeviceContext';
import { cashLedgerName } from '../../../shared/docNames';
import { useHeldDoc } from '../../common/device/useHeldDoc';
import { CashPanel } from '../cash/CashPanel';
import { handoverTargets, readCash } from '../model/cash/cashModel';
import { useDriverCommands } from '../model/useDriverCommands';
import { useDriverDevice, useDriverSnapshot } from '../model/DriverContext';
import { jobLists } from '../model/jobs/driverJobs';
import { useDriverJobs } from '../model/jobs/useDriverJobs';
import { useOffers } from '../model/offers/useOffers';
import { waitingCount } from '../model/driverPending';
import { usePending } from '../model/usePending';
import { useWakeLock } from '../model/wakeLock/useWakeLock';
import { useRefusals } from '../../common/refusals/useRefusals';
import { useDevicePush, usePushStatus } from '../../common/push/PushContext';
import { NotificationsControl } from '../../common/ui/NotificationsControl';
import { SignOutButton } from '../../common/ui/SignOutButton';
import { ConnectionBanner } from '../../common/ui/ConnectionBanner';
import { RefusalList } from '../../common/ui/RefusalList';
import { StorageErrorLine } from '../../common/ui/StorageErrorLine';
import { useNow } from '../../common/ui/useNow';
import { JobScreen } from '../job/JobScreen';
import { JobList } from '../jobs/JobList';
import { OfferAlert } from '../offers/OfferAlert';
import { ShiftBar } from '../shift/ShiftBar';
import { PendingLine } from './PendingLine';
import { useDriverRoute } from './useDriverRoute';

/**
 * Around every screen: who is signed in, whether the phone is online, what waits to upload, and the
 * offer alert (it rings on every screen). The home screen lists the jobs; the shift control is at
 * the bottom, under the thumb.
 */
export function DriverShell({ driverId }: { readonly driverId: UserId }) {
  const driver = useDriverDevice();
  const { connection, storageError } = useDeviceSnapshot();
  const snapshot = useDriverSnapshot();
  const [route, go] = useDriverRoute();
  const today = startOfLocalDay(useNow(60_000));
  const jobs = jobLists(useDriverJobs(driverId), driverId, today);
  const offers = useOffers(driverId);
  const pending = usePending(driverId);
  const { refusals, dismiss } = useRefusals();
  const push = useDevicePush();
  const pushStatus = usePushStatus();
  const carrying = jobs.active.length > 0;
  const cash = useHeldDoc(cashLedgerName(driverId), readCash).value;
  const commands = useDriverCommands();
  const waiting = waitingCount(pending, snapshot.shift.pending);

  useEffect(() => driver.setCarrying(carrying), [driver, carrying]);
  // On a job the phone sits on a mount, glanced at between turns: the screen must not go dark.
  useWakeLock(carrying);

  return (
    <div className="driver">
      <header className="app-header driver__header">
        <h1 className="app-header__title">{snapshot.name ?? 'Dabba Driver'}</h1>
        <div className="driver__tools">
          <NotificationsControl status={pushStatus} onTurnOn={() => void push.turnOn()} onTurnOff={() => void push.turnOff()} />
          <SignOutButton unsyncedCount={waiting} what="things waiting to upload" onSignOut={() => void driver.signOut()} />
        </div>
      </header>
      <ConnectionBanner connection={connection} />
      <PendingLine pending={pending} shiftPending={snapshot.shift.pending} />
      <OfferAlert
        offers={offers}
        online={connection.status === 'online'}
        onAccepted={(orderId) => go(`#/job/${encodeURIComponent(orderId)}`)}
      />
      <main className="driver__main">
        <StorageErrorLine error={storageError} device="phone" />
        <RefusalList refusals={refusals} onDismiss={dismiss} />
        {route.screen === 'job' ? (
          <JobScreen orderId={route.orderId} driverId={driverId} />
        ) : (
          <>
            <JobList active={jobs.active} finished={jobs.finished} onShift={snapshot.shift.onShift} />
            <CashPanel cash={cash} targets={handoverTargets([...jobs.active, ...jobs.finished])} onHandOver={commands.handOverCash} />
          </>
        )}
      </main>
      {route.screen === 'home' ? <ShiftBar shift={snapshot.shift} location={snapshot.location} /> : null}
    </div>
  );
}
