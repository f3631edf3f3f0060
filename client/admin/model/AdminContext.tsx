import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { AdminDevice } from './adminDevice';
import type { RosterSnapshot } from './drivers/driverRoster';
import type { NameOf } from '../../common/orders/eventWords';
import type { LiveFilter } from './orders/liveFilter';
import type { HeldOrder } from './orders/orderBook';
import type { OutletEntry } from './outlets/outletDirectory';
import { nameLookup } from './people/nameLookup';
import type { UsersSnapshot } from './people/userDirectory';

const AdminContext = createContext<AdminDevice | null>(null);

export function AdminProvider({ admin, children }: { readonly admin: AdminDevice; readonly children: ReactNode }) {
  return <AdminContext.Provider value={admin}>{children}</AdminContext.Provider>;
}

export function useAdminDevice(): AdminDevice {
  const admin = useContext(AdminContext);
  if (!admin) throw new Error('useAdminDevice needs an <AdminProvider> above it');
  return admin;
}

/** Every order the device holds, re-rendering as any of them changes. */
export function useHeldOrders(): readonly HeldOrder[] {
  const { orders } = useAdminDevice();
  return useSyncExternalStore(orders.subscribe, orders.getSnapshot);
}

export function useOutlets(): readonly OutletEntry[] {
  const { outlets } = useAdminDevice();
  return useSyncExternalStore(outlets.subscribe, outlets.getSnapshot);
}

/** When the device was last connected to the server (its clock), or null when never. */
export function useLastOnline(): number | null {
  const { contact } = useAdminDevice();
  return useSyncExternalStore(contact.subscribe, contact.getSnapshot);
}

/** The live list's filter, and a way to change part of it. */
export function useLiveFilter(): [LiveFilter, (change: Partial<LiveFilter>) => void] {
  const { liveFilter } = useAdminDevice();
  const filter = useSyncExternalStore(liveFilter.subscribe, liveFilter.getSnapshot);
  return [filter, (change) => liveFilter.set({ ...liveFilter.getSnapshot(), ...change })];
}

/** Every driver as the server last said, with when that was. */
export function useDriverRoster(): RosterSnapshot {
  const { drivers } = useAdminDevice();
  return useSyncExternalStore(drivers.subscribe, drivers.getSnapshot);
}

/** Every account as the server last said, with when that was. */
export function useUsers(): UsersSnapshot {
  const { users } = useAdminDevice();
  return useSyncExternalStore(users.subscribe, users.getSnapshot);
}

/** Names of every account this device knows (the accounts list, then the driver roster), for timelines and lists. */
export function useNameOf(): NameOf {
  const { drivers } = useDriverRoster();
  const { users } = useUsers();
  return useMemo(() => nameLookup(users, drivers), [users, drivers]);
}
