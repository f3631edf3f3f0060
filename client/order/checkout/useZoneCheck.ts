import { useEffect, useState } from 'react';
import { quoteOrder, type QuoteRequest } from '../api/orderApi';
import type { CartState, LatLng } from '../cart/cartStore';

export type ZoneCheck =
  | { readonly kind: 'idle' }
  | { readonly kind: 'checking' }
  | { readonly kind: 'inside'; readonly zoneName: string | null; readonly fee: number; readonly currency: string }
  | { readonly kind: 'refused'; readonly code: 'outside_zone' | 'below_minimum'; readonly message: string };

/** Refusals about where the pin is; anything else (a name missing, say) waits for "Review order". */
const ABOUT_THE_ADDRESS: ReadonlySet<string> = new Set(['outside_zone', 'below_minimum']);
const isAboutTheAddress = (code: string): code is 'outside_zone' | 'below_minimum' => ABOUT_THE_ADDRESS.has(code);
/** Long enough that dragging the pin across the map asks once, where it lands. */
const SETTLE_MS = 500;

/**
 * Asks the server, as the customer moves the pin, whether it delivers there and for what fee:
 * the zones are the server's to judge, so the page never guesses from the polygons it draws.
 */
export function useZoneCheck(outletId: string, cart: CartState, pin: LatLng): ZoneCheck {
  const [check, setCheck] = useState<ZoneCheck>({ kind: 'idle' });
  const items = cart.lines.map((l) => ({ itemId: l.itemId, qty: l.qty, modifiers: l.modifiers }));
  // The address words do not decide the zone, so typing them does not ask again; the pin does.
  const request: QuoteRequest | null =
    cart.draft.type === 'delivery' && items.length > 0
      ? { outletId, type: 'delivery', items, address: { text: 'Pin on the map', lat: pin.lat, lng: pin.lng }, payment: { method: 'cash' } }
      : null;
  const body = request ? JSON.stringify(request) : null;

  useEffect(() => {
    if (request === null) {
      setCheck({ kind: 'idle' });
      return;
    }
    let live = true;
    setCheck({ kind: 'checking' });
    const timer = setTimeout(() => {
      void quoteOrder(request).then((answer) => {
        if (!live) return;
        if (answer.ok)
          setCheck({
            kind: 'inside',
            zoneName: answer.value.zone?.name ?? null,
            fee: answer.value.deliveryFee,
            currency: answer.value.currency,
          });
        else {
          const { code, message } = answer.error;
          setCheck(isAboutTheAddress(code) ? { kind: 'refused', code, message } : { kind: 'idle' });
        }
      });
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `request` is rebuilt each render; its JSON is what changes when the question does.
  }, [body]);

  return check;
}
