import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { Device, DeviceSnapshot } from './device';

const DeviceContext = createContext<Device | null>(null);

export function DeviceProvider({ device, children }: { readonly device: Device; readonly children: ReactNode }) {
  return <DeviceContext.Provider value={device}>{children}</DeviceContext.Provider>;
}

export function useDevice(): Device {
  const device = useContext(DeviceContext);
  if (!device) throw new Error('useDevice needs a <DeviceProvider> above it');
  return device;
}

/** Who is signed in and how the device is connected, re-rendering on every change. */
export function useDeviceSnapshot(): DeviceSnapshot {
  const device = useDevice();
  return useSyncExternalStore(device.subscribe, device.getSnapshot);
}
