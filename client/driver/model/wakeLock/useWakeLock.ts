import { useEffect } from 'react';
import { ScreenWakeLock, type WakeLockLike } from './screenWakeLock';

/** The browser's wake lock, where it has one (not in older Safari and Firefox). */
function browserWakeLock(): WakeLockLike | null {
  return typeof navigator !== 'undefined' && 'wakeLock' in navigator ? navigator.wakeLock : null;
}

/** Keeps the screen on while `active` (see ScreenWakeLock), and lets it sleep again after. */
export function useWakeLock(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const lock = new ScreenWakeLock(browserWakeLock(), document);
    lock.setWanted(true);
    return () => lock.dispose();
  }, [active]);
}
