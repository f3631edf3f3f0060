import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { outletTime, type OutletTime } from './outletTime';

const OutletTimeContext = createContext<OutletTime>(outletTime(null));

/** Every time below is shown on `timeZone`'s wall clock (null: this device's, until the outlet's profile arrives). */
export function OutletTimeProvider({ timeZone, children }: { readonly timeZone: string | null; readonly children: ReactNode }) {
  const value = useMemo(() => outletTime(timeZone), [timeZone]);
  return <OutletTimeContext.Provider value={value}>{children}</OutletTimeContext.Provider>;
}

/** The outlet's one time formatter (see outletTime.ts). */
export const useOutletTime = (): OutletTime => useContext(OutletTimeContext);
