import { useEffect } from 'react';
import { SCREEN_IDS, type ScreenId } from '../shell/adminRoute';
import { ROUTE_TABLE } from '../shell/routeTable';
import { isPlainKey } from './plainKey';

/** How long after `g` the screen's key may follow. */
const SEQUENCE_MS = 1_500;

/** The app-wide keys: `?` shows the shortcuts; `g` then a screen's key goes there. Never while someone types. */
export function useShellKeys(go: (screen: ScreenId) => void, toggleShortcuts: () => void): void {
  useEffect(() => {
    let gAt = 0;
    const onKey = (event: KeyboardEvent): void => {
      if (!isPlainKey(event)) return;
      if (event.key === '?') {
        event.preventDefault();
        toggleShortcuts();
        return;
      }
      if (event.key === 'g') {
        gAt = event.timeStamp;
        return;
      }
      if (event.timeStamp - gAt > SEQUENCE_MS) return;
      gAt = 0;
      const screen = SCREEN_IDS.find((id) => ROUTE_TABLE[id].key === event.key);
      if (!screen) return;
      event.preventDefault();
      go(screen);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [go, toggleShortcuts]);
}
