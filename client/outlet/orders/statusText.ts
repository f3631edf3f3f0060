import type { OrderStatus } from '../../../shared/order/status';

/** Status words as the kitchen says them. */
export const STATUS_TEXT: { readonly [S in OrderStatus]: string } = {
  placed: 'New',
  accepted: 'Accepted',
  preparing: 'Preparing',
  ready: 'Ready',
  picked_up: 'Picked up',
  delivered: 'Delivered',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  failed: 'Failed',
};
