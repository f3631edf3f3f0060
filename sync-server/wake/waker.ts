import type { OutletId, TrackingToken, UserId } from '../../shared/ids';
import type { WakeData } from '../../shared/wake/wakeMessage';

/**
 * Whose devices a wake-up is for. `user`: that user's devices, when none of them has a live socket.
 * `outlet` reaches the devices of the outlet's staff: normally only when no
 * device of the outlet has a live socket; with `escalate` (an order left unanswered) every device of
 * the outlet whose own socket is not live. `admins`: every admin. `track`: the customer's browser(s) that asked to be
 * notified about one order.
 */
export type WakeTarget =
  | { readonly kind: 'user'; readonly userId: UserId }
  | { readonly kind: 'outlet'; readonly outletId: OutletId; readonly escalate?: boolean }
  | { readonly kind: 'admins' }
  | { readonly kind: 'track'; readonly token: TrackingToken };

/** Sends wake-ups. Never throws and never rejects: callers are commit hooks. */
export interface Waker {
  /**
   * Resolves once the wake-up is queued for the devices it goes to (their push tokens read, connected ones
   * left out): a caller that awaits it may change those tokens after (forget a finished order's tracking
   * link), and a caller that awaits each in turn has them sent in that order. Sending and retries go on after.
   */
  wake(target: WakeTarget, data: WakeData): Promise<void>;
}

/** Wake-ups off (no Firebase configured): nothing is sent. */
export const noWaker: Waker = { wake: () => Promise.resolve() };
