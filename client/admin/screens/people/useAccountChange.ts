import { useState } from 'react';
import type { AdminUser, UserPatch } from '../../../../shared/api/adminUsers';
import { useAdminDevice } from '../../model/AdminContext';

export interface AccountChange {
  readonly busy: boolean;
  readonly error: string | null;
  /** Sends the change; true when the server took it. */
  readonly send: (patch: UserPatch) => Promise<boolean>;
}

/** One account's change in flight, with the server's refusal in its own words when it says no. */
export function useAccountChange(user: AdminUser): AccountChange {
  const { users } = useAdminDevice();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async (patch: UserPatch): Promise<boolean> => {
    setBusy(true);
    const answer = await users.change(user.id, patch);
    setBusy(false);
    setError(
      answer.ok ? null : answer.error.code === 'network' ? 'Not changed: this device cannot reach the server.' : answer.error.message,
    );
    return answer.ok;
  };
  return { busy, error, send };
}
