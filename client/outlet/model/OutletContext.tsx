import { createContext, useContext, type ReactNode } from 'react';
import type { OutletDevice } from './outletDevice';

const OutletContext = createContext<OutletDevice | null>(null);

export function OutletProvider({ outlet, children }: { readonly outlet: OutletDevice; readonly children: ReactNode }) {
  return <OutletContext.Provider value={outlet}>{children}</OutletContext.Provider>;
}

export function useOutletDevice(): OutletDevice {
  const outlet = useContext(OutletContext);
  if (!outlet) throw new Error('useOutletDevice needs an <OutletProvider> above it');
  return outlet;
}
