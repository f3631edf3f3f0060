import type { OrderStatus } from '../../../shared/order/status';

/** Status words as staff say them, in the kitchen and at the admin desk. */
export const STATUS_TEXT: { readonly [S in OrderStatus]: string } = {
  awaiting_payment: 'Awaiting payment',
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
