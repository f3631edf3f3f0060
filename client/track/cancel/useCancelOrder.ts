import { useCallback, useState } from 'react';
import type { TrackingToken } from '../../../shared/ids';
import { NETWORK_ERROR_CODE } from '../../common/api/http';
import { cancelOrderApi, type CancelOrderApi } from './cancelApi';

/** Asking first, since a cancel cannot be taken back; `cancelled` once the server has it. */
export type CancelPhase = 'idle' | 'confirming' | 'sending' | 'cancelled';

export interface CancelOrder {
  readonly phase: CancelPhase;
  readonly error: string | null;
  ask(): void;
  keep(): void;
  confirm(): Promise<void>;
}

export const OFFLINE_NOT_CANCELLED = "You're offline — your order is not cancelled. Try again when you're back online.";

/** The customer's cancel from the tracking page: ask, confirm, then the server's answer in their words. */
export function useCancelOrder(token: TrackingToken, api: CancelOrderApi = cancelOrderApi): CancelOrder {
  const [phase, setPhase] = useState<CancelPhase>('idle');
  const [error, setError] = useState<string | null>(null);

  const confirm = useCallback(async () => {
    setPhase('sending');
    setError(null);
    const answer = await api(token);
    if (answer.ok) {
      setPhase('cancelled');
      return;
    }
    setError(answer.error.code === NETWORK_ERROR_CODE ? OFFLINE_NOT_CANCELLED : answer.error.message);
    setPhase('idle');
  }, [api, token]);
  const ask = useCallback(() => {
    setError(null);
    setPhase('confirming');
  }, []);
  const keep = useCallback(() => setPhase('idle'), []);
  return { phase, error, ask, keep, confirm };
}
