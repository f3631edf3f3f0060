import { useEffect, useState } from 'react';
import type { Platform } from '../../../../shared/api/adminPlatform';
import type { PresenceList } from '../../../../shared/api/presence';
import { useDeviceSnapshot } from '../../../common/device/DeviceContext';
import { useAdminDevice } from '../AdminContext';
import { fetchPlatform, fetchPresence } from '../api/platformApi';
import { platformRates, type PlatformRates } from './platformRates';

/** How often the screen asks while it is visible: health is worth seeing move, not worth a socket. */
export const PLATFORM_EVERY_MS = 5_000;

export interface PlatformView {
  readonly platform: Platform | null;
  readonly presence: PresenceList | null;
  readonly rates: PlatformRates | null;
  /** When this device got the last reading (its clock); null when never. */
  readonly fetchedAt: number | null;
  readonly error: string | null;
}

const visible = (): boolean => document.visibilityState === 'visible';

/**
 * The platform's health and who is connected, asked every 5 s while the screen is shown, the tab is
 * visible and the device is online. Not kept on the device: an old reading is only a warning.
 */
export function usePlatform(): PlatformView {
  const admin = useAdminDevice();
  const online = useDeviceSnapshot().connection.status === 'online';
  const [view, setView] = useState<PlatformView>({ platform: null, presence: null, rates: null, fetchedAt: null, error: null });
  const [shown, setShown] = useState(visible);

  useEffect(() => {
    const follow = () => setShown(visible());
    document.addEventListener('visibilitychange', follow);
    return () => document.removeEventListener('visibilitychange', follow);
  }, []);

  useEffect(() => {
    if (!online || !shown) return;
    let current = true;
    const ask = async () => {
      const token = admin.token();
      if (!token) return;
      const [platform, presence] = await Promise.all([fetchPlatform(token), fetchPresence(token)]);
      if (!current) return;
      setView((before) => {
        if (!platform.ok) return { ...before, error: platform.error.message };
        return {
          platform: platform.value,
          presence: presence.ok ? presence.value : before.presence,
          rates: platformRates(before.platform, platform.value),
          fetchedAt: Date.now(),
          error: presence.ok ? null : presence.error.message,
        };
      });
    };
    void ask();
    const timer = setInterval(() => void ask(), PLATFORM_EVERY_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [admin, online, shown]);

  return view;
}
