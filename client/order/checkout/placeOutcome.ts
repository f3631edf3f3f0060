import { NETWORK_ERROR_CODE } from '../../common/api/http';
import type { Answer } from '../../common/api/http';
import type { Placed } from '../api/orderApi';
import { placeRefusal, type CheckoutField } from './orderRequest';

/** The order the server has, for "Your orders": its id and its tracking page (a path on this site). */
export interface PlacedOrderRef {
  readonly orderId: string;
  readonly trackingPath: string;
}

export type PlaceOutcome =
  /** The server has the order: go to its tracking page (a path on this site). */
  | ({ readonly kind: 'placed' } & PlacedOrderRef)
  /** A card order: the customer pays on the provider's page, which sends them back to the tracking link. */
  | ({ readonly kind: 'pay'; readonly paymentUrl: string } & PlacedOrderRef)
  /** No answer, or the server failed: the order may exist. Stay on review; placing again is safe. */
  | { readonly kind: 'retry'; readonly message: string }
  /** The server refused the order: back to editing, with its message by the field it is about. */
  | { readonly kind: 'refused'; readonly field: CheckoutField; readonly message: string };

/** Said once, instead of sending: a request the browser knows it cannot send would only end in LOST_ANSWER's doubt. */
export const OFFLINE_NOT_PLACED = "You're offline — your order is not placed yet; we'll keep your cart.";

export const LOST_ANSWER =
  'We could not hear back from Dabba, so your order may or may not have gone through. Press "Place order" again: it will not be placed twice.';

/** What the page does with the server's answer to "Place order". */
export function placeOutcome(answer: Answer<Placed>, pageUrl: string): PlaceOutcome {
  if (answer.ok) {
    // The tracking URL is absolute, built from the server's view of the host; the path keeps the customer on the origin they used.
    const placed = { orderId: answer.value.orderId, trackingPath: new URL(answer.value.trackingUrl, pageUrl).pathname };
    return answer.value.paymentUrl ? { kind: 'pay', paymentUrl: answer.value.paymentUrl, ...placed } : { kind: 'placed', ...placed };
  }
  const { code, message, details } = answer.error;
  if (code === NETWORK_ERROR_CODE) return { kind: 'retry', message: LOST_ANSWER };
  if (details.status >= 500) return { kind: 'retry', message: `${message} Press "Place order" again: it will not be placed twice.` };
  return { kind: 'refused', ...placeRefusal(code, message) };
}
