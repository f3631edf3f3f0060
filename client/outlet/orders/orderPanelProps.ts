import type { OrderId, OutletId } from '../../../shared/ids';

/** A panel about one of the outlet's orders, opened from a card or a history row, that can be closed. */
export interface OrderPanelProps {
  readonly orderId: OrderId;
  readonly outletId: OutletId;
  readonly onClose: () => void;
}
