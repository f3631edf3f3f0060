import type { OrderStatus } from '../../../shared/order/status';

/** Status words as the kitchen says them; the raw status stays in the text so it reads the same everywhere. */
export const STATUS_TEXT: { readonly [S in OrderStatus]: string } = {
  placed: 'new',
  accepted: 'accepted',
  preparing: 'preparing',
  ready: 'ready',
  picked_up: 'picked up',
  delivered: 'delivered',
  rejected: 'rejected',
  cancelled: 'cancelled',
  failed: 'failed',
};
