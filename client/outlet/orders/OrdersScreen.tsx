import { useDevice, useDeviceSnapshot } from '../../common/device/DeviceContext';
import { useOrderCommands } from '../../common/orders/useOrderCommands';
import { useOutletOrders } from '../../common/orders/useOutletOrders';
import { useRefusals } from '../../common/refusals/useRefusals';
import { ConnectionBanner } from '../../common/ui/ConnectionBanner';
import { SignOutButton } from '../../common/session/SignOutButton';
import { RefusalList } from '../../common/ui/RefusalList';
import { OrderCard } from './OrderCard';

/** The outlet's live order board. */
export function OrdersScreen({ outletId }: { readonly outletId: string }) {
  const device = useDevice();
  const { connection, storageError } = useDeviceSnapshot();
  const orders = useOutletOrders(outletId);
  const commands = useOrderCommands();
  const { refusals, dismiss } = useRefusals();

  return (
    <>
      <header className="app-header">
        <h1 className="app-header__title">Orders</h1>
        <SignOutButton unsyncedCount={orders.filter((o) => o.syncState === 'local').length} onSignOut={() => void device.signOut()} />
      </header>
      <ConnectionBanner connection={connection} />
      <main className="app-main">
        {storageError ? <p className="error" role="alert">This device could not save a change: {storageError}</p> : null}
        <RefusalList refusals={refusals} onDismiss={dismiss} />
        {orders.length === 0 ? (
          <p className="empty">No orders yet. New orders appear here as they are placed.</p>
        ) : (
          <ul className="order-grid" aria-label="Orders">
            {orders.map((order) => (
              <li key={order.id}>
                <OrderCard order={order} commands={commands} />
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
