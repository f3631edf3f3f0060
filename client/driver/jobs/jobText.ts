import type { OrderStatus } from '../../../shared/order/status';

/** Where a job stands, in a rider's words. */
export const JOB_STATUS: { readonly [S in OrderStatus]: string } = {
  awaiting_payment: 'Waiting for the payment',
  placed: 'Waiting for the kitchen',
  accepted: 'Kitchen accepted — go to pickup',
  preparing: 'Being prepared — go to pickup',
  ready: 'Ready for pickup',
  picked_up: 'On the way to the customer',
  delivered: 'Delivered',
  failed: 'Delivery failed',
  rejected: 'Rejected by the kitchen',
  cancelled: 'Cancelled',
};
