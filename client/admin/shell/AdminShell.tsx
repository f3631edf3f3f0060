import { Suspense, useCallback, useState } from 'react';
import { useDevice, useDeviceSnapshot } from '../../common/device/DeviceContext';
import { useDevicePush, usePushStatus } from '../../common/push/PushContext';
import { useRefusals } from '../../common/refusals/useRefusals';
import { ConnectionBanner } from '../../common/ui/ConnectionBanner';
import { NotificationsControl } from '../../common/ui/NotificationsControl';
import { RefusalList } from '../../common/ui/RefusalList';
import { SignOutButton } from '../../common/ui/SignOutButton';
import { StorageErrorLine } from '../../common/ui/StorageErrorLine';
import { AlertPanel } from '../alerts/AlertPanel';
import { ShortcutsDialog } from '../keys/ShortcutsDialog';
import { useShellKeys } from '../keys/useShellKeys';
import { useHeldOrders, useLastOnline } from '../model/AdminContext';
import { useProblems } from '../model/alerts/useProblems';
import { isUnassigned } from '../model/orders/promise';
import { useAdminRoute } from './adminRoute';
import { DeviceCopyLine } from './DeviceCopyLine';
import { NavBar } from './NavBar';
import { ROUTE_TABLE } from './routeTable';

/**
 * Everything around the screens: the nav, whether the device is connected, how fresh its copy is and
 * what is only on it, the problems that need someone (on every screen), the server's refusals, and
 * the keyboard (`?` lists the shortcuts). Screens read what they show from the admin model.
 */
export function AdminShell() {
  const device = useDevice();
  const { connection, storageError } = useDeviceSnapshot();
  const [route, go] = useAdminRoute();
  const orders = useHeldOrders();
  const lastOnlineAt = useLastOnline();
  const problems = useProblems();
  const { refusals, dismiss } = useRefusals();
  const push = useDevicePush();
  const pushStatus = usePushStatus();
  const [shortcuts, setShortcuts] = useState(false);
  const toggleShortcuts = useCallback(() => setShortcuts((open) => !open), []);
  useShellKeys(go, toggleShortcuts);
  const unsynced = orders.filter((o) => o.syncState === 'local').length;
  const waitingForDriver = orders.filter(isUnassigned).length;
  const { Screen, label } = ROUTE_TABLE[route.screen];

  return (
    <div className="admin">
      <header className="app-header admin-header">
        <h1 className="app-header__title">Dabba Admin</h1>
        <NavBar current={route.screen} badges={{ live: problems.length, dispatch: waitingForDriver }} />
        <NotificationsControl status={pushStatus} onTurnOn={() => void push.turnOn()} onTurnOff={() => void push.turnOff()} />
        <button type="button" className="button button--quiet" aria-keyshortcuts="?" onClick={toggleShortcuts}>
          Shortcuts
        </button>
        <SignOutButton unsyncedCount={unsynced} onSignOut={() => void device.signOut()} />
      </header>
      <ConnectionBanner connection={connection} />
      <DeviceCopyLine connection={connection} lastOnlineAt={lastOnlineAt} unsyncedOrders={unsynced} />
      <AlertPanel problems={problems} />
      <main className="app-main app-main--wide admin-main" aria-label={label}>
        <StorageErrorLine error={storageError} />
        <RefusalList refusals={refusals} onDismiss={dismiss} />
        <Suspense fallback={<p role="status">Opening {label.toLowerCase()}…</p>}>
          <Screen param={route.param} />
        </Suspense>
      </main>
      <ShortcutsDialog open={shortcuts} onClose={() => setShortcuts(false)} />
    </div>
  );
}
