import { useEffect, useState } from 'react';
import type { OrderId } from '../../../shared/ids';
import { useDeviceSnapshot } from '../device/DeviceContext';
import { fetchProofImage } from '../api/proofImage';

export type ProofImageState =
  | { readonly status: 'loading' }
  | { readonly status: 'shown'; readonly url: string }
  | { readonly status: 'missing'; readonly message: string };

/** A proof image as an object URL while shown (the bearer token cannot go in an <img> src); asks again on `attempt`. */
export function useProofImage(orderId: OrderId, proofId: string, attempt: number): ProofImageState {
  const token = useDeviceSnapshot().session?.token ?? null;
  const [state, setState] = useState<ProofImageState>({ status: 'loading' });
  useEffect(() => {
    if (!token) return;
    let url: string | null = null;
    let current = true;
    setState({ status: 'loading' });
    void fetchProofImage(orderId, proofId, token).then((result) => {
      if (!current) return;
      if (!result.ok) {
        setState({ status: 'missing', message: result.error.message });
        return;
      }
      url = URL.createObjectURL(result.value);
      setState({ status: 'shown', url });
    });
    return () => {
      current = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [token, orderId, proofId, attempt]);
  return state;
}
