import { takingOrders, type Catalog } from '../../../../shared/catalog/outletDoc';
import { priceOrder, type CartLine, type PricingRefusal } from '../../../../shared/catalog/priceOrder';
import type { LatLng } from '../../../../shared/catalog/zones';
import type { OrderType } from '../../../../shared/order/status';

/**
 * Problems the cart itself has: the server would refuse them whenever it is sent, so staff fix
 * them before the caller hangs up. The rest (zone, minimum) depend on the moment, so they are shown
 * but the server decides; opening hours and a pause do not apply to staff orders, and are only said.
 */
const BLOCKING: ReadonlySet<PricingRefusal> = new Set([
  'empty_cart',
  'unknown_item',
  'item_unavailable',
  'invalid_modifiers',
  'bad_quantity',
  'order_type_unavailable',
  'address_required',
  // The outlet's maximum holds for staff too: the server would refuse it whenever it is sent.
  'above_maximum',
]);

export interface PhoneOrderCheck {
  /** Why this cannot be queued as it is; null when it can. */
  readonly blocking: string | null;
  /** What the server may still refuse it for. */
  readonly warning: string | null;
  /** What is worth knowing but changes nothing: online ordering is paused or closed, and phone orders are still taken. */
  readonly notice: string | null;
  /** The device's own pricing from its copy of the menu; the server's is what counts. */
  readonly estimate: { readonly subtotal: number; readonly deliveryFee: number; readonly total: number } | null;
}

export interface PhoneCart {
  readonly items: readonly CartLine[];
  readonly type: OrderType;
  readonly address?: LatLng | undefined;
}

export function checkPhoneOrder(catalog: Catalog, request: PhoneCart, now: number): PhoneOrderCheck {
  // Staff who took the call have decided to take the order: the server waives hours and a pause for them.
  const priced = priceOrder(catalog, request.items, request.type, now, request.address, { ignoreOpening: true });
  const taking = takingOrders(catalog, now);
  const notice = taking.ok ? null : `${taking.error.message} Phone orders you take are still placed.`;
  if (priced.ok) {
    const { subtotal, deliveryFee, total } = priced.value;
    return { blocking: null, warning: null, notice, estimate: { subtotal, deliveryFee, total } };
  }
  const { code, message } = priced.error;
  return BLOCKING.has(code)
    ? { blocking: message, warning: null, notice, estimate: null }
    : { blocking: null, warning: message, notice, estimate: null };
}
