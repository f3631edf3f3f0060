import { useCallback, useEffect, useState } from 'react';
import type { StatsResponse } from '../../../../shared/api/adminStats';
import { useDeviceSnapshot } from '../../../common/device/DeviceContext';
import { useAdminDevice } from '../AdminContext';
import { fetchStats } from '../api/statsApi';

export interface StatsView {
  /** The last answer for this range, and when this device got it; null until one came. */
  readonly stats: StatsResponse | null;
  readonly fetchedAt: number | null;
  readonly loading: boolean;
  readonly error: string | null;
  readonly refresh: () => void;
}

const timeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The server's numbers for [from, to), asked whenever the range changes or the device reconnects; nothing
 * is asked for no range (the days chosen do not make one). They are computed on the server from every
 * order, so they are not kept on the device.
 */
export function useStats(range: { readonly from: number; readonly to: number } | null): StatsView {
  const admin = useAdminDevice();
  const online = useDeviceSnapshot().connection.status === 'online';
  const [view, setView] = useState<Omit<StatsView, 'refresh'>>({ stats: null, fetchedAt: null, loading: false, error: null });
  const [asked, setAsked] = useState(0);
  const refresh = useCallback(() => setAsked((n) => n + 1), []);
  // The bounds, not the object: a new object for the same days must not ask again.
  const from = range?.from ?? null;
  const to = range?.to ?? null;

  useEffect(() => {
    const token = admin.token();
    if (!token || !online || from === null || to === null) return;
    let current = true;
    setView((v) => ({ ...v, loading: true }));
    void fetchStats(token, { from, to, timeZone: timeZone() }).then((answer) => {
      if (!current) return;
      setView((v) =>
        answer.ok
          ? { stats: answer.value, fetchedAt: Date.now(), loading: false, error: null }
          : { ...v, loading: false, error: answer.error.message },
      );
    });
    return () => {
      current = false;
    };
  }, [admin, online, from, to, asked]);

  return { ...view, refresh };
}
