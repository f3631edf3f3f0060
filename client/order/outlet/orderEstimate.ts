import { estimateText, timeEstimate } from '../../../shared/catalog/timeEstimate';
import type { OutletMenu } from '../api/catalogApi';
import type { CheckoutDraft } from '../cart/cartStore';

/**
 * "Delivery in about 30–40 min" for the way the customer chose to order, from the outlet's prep time
 * and busy mode; a delivery's ride is timed to the pin once the customer has put it down.
 */
export function orderEstimate(menu: OutletMenu, draft: Pick<CheckoutDraft, 'type' | 'pin'>): string {
  const { outlet, busyMinutes } = menu;
  const type = outlet.orderTypes.includes(draft.type) ? draft.type : (outlet.orderTypes[0] ?? 'pickup');
  return estimateText(
    timeEstimate({
      type,
      prepMinutes: outlet.defaultPrepMinutes,
      busyMinutes,
      outlet: { lat: outlet.lat, lng: outlet.lng },
      dropoff: draft.pin,
    }),
  );
}
