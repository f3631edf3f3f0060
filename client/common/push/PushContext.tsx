import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { DevicePush, PushStatus } from './devicePush';

const PushContext = createContext<DevicePush | null>(null);

export function PushProvider({ push, children }: { readonly push: DevicePush; readonly children: ReactNode }) {
  return <PushContext.Provider value={push}>{children}</PushContext.Provider>;
}

export function useDevicePush(): DevicePush {
  const push = useContext(PushContext);
  if (!push) throw new Error('useDevicePush needs a <PushProvider> above it');
  return push;
}

/** Whether this device is woken by notifications, re-rendering on every change. */
export function usePushStatus(): PushStatus {
  const push = useDevicePush();
  return useSyncExternalStore(push.subscribe, push.getSnapshot);
}
