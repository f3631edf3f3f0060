export const ORDER_STATUSES = [
  /** A card order whose payment the provider has not confirmed: the outlet does not have it yet. */
  'awaiting_payment',
  'placed',
  'accepted',
  'preparing',
  'ready',
  'picked_up',
  'delivered',
  'rejected',
  'cancelled',
  'failed',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const TERMINAL_STATUSES: ReadonlySet<OrderStatus> = new Set(['delivered', 'rejected', 'cancelled', 'failed']);

export const isTerminal = (status: OrderStatus): boolean => TERMINAL_STATUSES.has(status);

export const ORDER_TYPES = ['delivery', 'pickup', 'dine-in'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];
