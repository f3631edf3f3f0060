import { useEffect, useState } from 'react';
import { fetchPaymentConfig } from '../api/orderApi';

/**
 * Whether the server takes card payments now. False until it says so (and when it cannot be asked): cash
 * is always offered, and card only where the server can confirm a payment.
 */
export function useCardOffered(): boolean {
  const [offered, setOffered] = useState(false);
  useEffect(() => {
    let live = true;
    void fetchPaymentConfig().then((answer) => {
      if (live && answer.ok) setOffered(answer.value.methods.includes('card'));
    });
    return () => {
      live = false;
    };
  }, []);
  return offered;
}
