import { useCallback, useEffect, useState } from 'react';
import { placeOrder, quoteOrder, type OrderRequest, type Quote } from '../api/orderApi';
import type { CartState, CartStore, LatLng } from '../cart/cartStore';
import { buildOrderRequest, placeRefusal, type FieldErrors, type OutletRules } from './orderRequest';
import { OFFLINE_NOT_PLACED, placeOutcome } from './placeOutcome';
import { rememberPlaced } from '../yourOrders/rememberPlaced';

export type CheckoutPhase =
  | { readonly kind: 'editing' }
  | { readonly kind: 'quoting' }
  | { readonly kind: 'review'; readonly quote: Quote; readonly request: OrderRequest }
  | { readonly kind: 'placing'; readonly quote: Quote; readonly request: OrderRequest };

export interface Checkout {
  readonly phase: CheckoutPhase;
  readonly errors: FieldErrors;
  /** True when an earlier "Place order" may have reached the server (its answer never came). */
  readonly mayBePlaced: boolean;
  review(): Promise<void>;
  place(): Promise<void>;
  edit(): void;
}

/**
 * Checkout as steps: edit → the server's quote → place. Refusals go back to editing with the
 * server's message next to the field it is about; a lost answer stays on review, where placing
 * again reuses the idempotency key the cart store saved.
 */
export function useCheckout(
  store: CartStore,
  cart: CartState,
  outletId: string,
  defaultPin: LatLng,
  navigate: (path: string) => void,
  cardOffered: boolean,
  outlet: OutletRules & { readonly name: string },
): Checkout {
  const [phase, setPhase] = useState<CheckoutPhase>({ kind: 'editing' });
  const [errors, setErrors] = useState<FieldErrors>({});

  // A quote is for one exact order: any change to the cart or the form while reviewing voids it.
  const built = buildOrderRequest(outletId, cart, defaultPin, outlet, cardOffered);
  const currentBody = built.ok ? JSON.stringify(built.value) : null;
  const reviewedBody = phase.kind === 'review' ? JSON.stringify(phase.request) : null;
  useEffect(() => {
    if (reviewedBody !== null && reviewedBody !== currentBody) setPhase({ kind: 'editing' });
  }, [reviewedBody, currentBody]);

  const review = useCallback(async () => {
    const next = buildOrderRequest(outletId, store.snapshot, defaultPin, outlet, cardOffered);
    if (!next.ok) {
      setErrors(next.error.details.fields);
      return;
    }
    setErrors({});
    setPhase({ kind: 'quoting' });
    const answer = await quoteOrder(next.value);
    if (answer.ok) {
      setPhase({ kind: 'review', quote: answer.value, request: next.value });
      return;
    }
    const { field, message } = navigator.onLine
      ? placeRefusal(answer.error.code, answer.error.message)
      : { field: 'form', message: OFFLINE_NOT_PLACED };
    setErrors({ [field]: message });
    setPhase({ kind: 'editing' });
  }, [store, outletId, defaultPin, outlet, cardOffered]);

  const place = useCallback(async () => {
    if (phase.kind !== 'review') return;
    const { quote, request } = phase;
    // Nothing leaves an offline browser: no key is kept, so the page does not wonder later whether it was placed.
    if (!navigator.onLine) {
      setErrors({ form: OFFLINE_NOT_PLACED });
      return;
    }
    setPhase({ kind: 'placing', quote, request });
    setErrors({});
    const key = store.keyFor(JSON.stringify(request));
    const outcome = placeOutcome(await placeOrder(request, key), window.location.href);
    if (outcome.kind === 'placed' || outcome.kind === 'pay') rememberPlaced(outcome, outlet.name, quote);
    switch (outcome.kind) {
      case 'placed':
        store.placed();
        navigate(outcome.trackingPath);
        return;
      case 'pay':
        store.placed();
        // Another site: a full page load. It returns the customer to the tracking link, paid or not.
        window.location.assign(outcome.paymentUrl);
        return;
      case 'retry':
        setErrors({ form: outcome.message });
        setPhase({ kind: 'review', quote, request });
        return;
      case 'refused':
        setErrors({ [outcome.field]: outcome.message });
        setPhase({ kind: 'editing' });
        return;
    }
  }, [phase, store, navigate, outlet.name]);

  const edit = useCallback(() => setPhase({ kind: 'editing' }), []);

  const mayBePlaced = cart.pending !== null && currentBody !== null && cart.pending.body === currentBody;
  return { phase, errors, mayBePlaced, review, place, edit };
}
