import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { DriverDevice, DriverSnapshot } from './driverDevice';

const DriverContext = createContext<DriverDevice | null>(null);

export function DriverProvider({ driver, children }: { readonly driver: DriverDevice; readonly children: ReactNode }) {
  return <DriverContext.Provider value={driver}>{children}</DriverContext.Provider>;
}

export function useDriverDevice(): DriverDevice {
  const driver = useContext(DriverContext);
  if (!driver) throw new Error('useDriverDevice needs a <DriverProvider> above it');
  return driver;
}

/** The driver's shift, position sharing and clock, re-rendering on every change. */
export function useDriverSnapshot(): DriverSnapshot {
  const driver = useDriverDevice();
  return useSyncExternalStore(driver.subscribe, driver.getSnapshot);
}
