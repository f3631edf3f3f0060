import type { PhoneOrderRequest } from '../../../../shared/api/phoneOrder';
import { OUTLET_ID } from '../../shared/order/fixtures';

export const ENTERED_AT = 1_700_000_000_000;

/** A pickup of two chai for a caller, as staff would enter it. */
export function phoneRequest(over: Partial<PhoneOrderRequest> = {}): PhoneOrderRequest {
  return {
    outletId: OUTLET_ID,
    type: 'pickup',
    items: [{ itemId: 'chai', qty: 2 }],
    customer: { name: 'Meera', phone: '+91 98450 11111' },
    payment: { method: 'cash' },
    source: 'phone',
    enteredAt: ENTERED_AT,
    ...over,
  };
}
