import { useCallback, useEffect, useState } from 'react';
import type { Answer } from '../../../common/api/http';
import { useAdminDevice } from '../AdminContext';

export interface ServerList<T> {
  /** null until the first answer. */
  readonly items: readonly T[] | null;
  readonly error: string | null;
  /** Asks the server again now (after a change made here). */
  readonly refresh: () => void;
}

/**
 * A list only the server has (webhooks, their deliveries), asked for while shown and every `everyMs`;
 * not kept on the device, so offline it says it needs the network.
 */
export function useServerList<T>(read: (token: string) => Promise<Answer<readonly T[]>>, everyMs: number): ServerList<T> {
  const admin = useAdminDevice();
  const [items, setItems] = useState<readonly T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState(0);
  const refresh = useCallback(() => setAsked((n) => n + 1), []);

  useEffect(() => {
    let current = true;
    const ask = async (): Promise<void> => {
      const token = admin.token();
      if (!token) return;
      const answer = await read(token);
      if (!current) return;
      if (answer.ok) {
        setItems(answer.value);
        setError(null);
      } else
        setError(answer.error.code === 'network' ? 'This needs the network: the device cannot reach the server.' : answer.error.message);
    };
    void ask();
    const timer = setInterval(() => void ask(), everyMs);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [admin, read, everyMs, asked]);

  return { items, error, refresh };
}
