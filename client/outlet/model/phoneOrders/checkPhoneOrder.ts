import type { Catalog } from '../../../../shared/catalog/outletDoc';
import { priceOrder, type CartLine, type PricingRefusal } from '../../../../shared/catalog/priceOrder';
import type { LatLng } from '../../../../shared/catalog/zones';
import type { OrderType } from '../../../../shared/order/status';

/**
 * Problems the cart itself has: the server would refuse them whenever it is sent, so staff fix
 * them before the caller hangs up. The rest (closed, paused, zone, minimum) depend on the moment
 * and on the server's rules for staff orders, so they are shown but the server decides.
 */
const BLOCKING: ReadonlySet<PricingRefusal> = new Set([
  'empty_cart',
  'unknown_item',
  'item_unavailable',
  'invalid_modifiers',
  'bad_quantity',
  'order_type_unavailable',
  'address_required',
]);

export interface PhoneOrderCheck {
  /** Why this cannot be queued as it is; null when it can. */
  readonly blocking: string | null;
  /** What the server may still refuse it for. */
  readonly warning: string | null;
  /** The device's own pricing from its copy of the menu; the server's is what counts. */
  readonly estimate: { readonly subtotal: number; readonly deliveryFee: number; readonly total: number } | null;
}

export interface PhoneCart {
  readonly items: readonly CartLine[];
  readonly type: OrderType;
  readonly address?: LatLng | undefined;
}

export function checkPhoneOrder(catalog: Catalog, request: PhoneCart, now: number): PhoneOrderCheck {
  const priced = priceOrder(catalog, request.items, request.type, now, request.address);
  if (priced.ok) {
    const { subtotal, deliveryFee, total } = priced.value;
    return { blocking: null, warning: null, estimate: { subtotal, deliveryFee, total } };
  }
  const { code, message } = priced.error;
  return BLOCKING.has(code) ? { blocking: message, warning: null, estimate: null } : { blocking: null, warning: message, estimate: null };
}
