import { describe, expect, it } from 'vitest';
import { money } from '../../../../shared/money';
import type { OrderEvent } from '../../../../shared/order/events';
import type { OrderHeader } from '../../../../shared/order/header';
import { reduceOrder } from '../../../../shared/order/reduceOrder';
import { refundLeft } from '../../../../shared/order/refundLeft';
import { DRIVER1, event, header, MINUTE, OUTLET, SYSTEM } from './fixtures';

const left = (h: OrderHeader, events: OrderEvent[]): number =>
  refundLeft({ header: h, state: reduceOrder([event('placed', 0, SYSTEM, {}), ...events], { orderType: h.type }) });

describe('what may still be refunded', () => {
  it('is nothing on a cash pickup before it is handed over, and its total after, less refunds', () => {
    const pickup = header('pickup');
    const accepted = event('accepted', MINUTE, OUTLET, { prepMinutes: 10 });
    expect(left(pickup, [accepted])).toBe(0);
    const handed = [accepted, event('ready', 2 * MINUTE, OUTLET, {}), event('handed_over', 3 * MINUTE, OUTLET, {})];
    expect(left(pickup, handed)).toBe(25_000);
    const refund = { amount: money(5_000), currency: 'INR', reason: 'Cold', method: 'cash' as const, refundedBy: SYSTEM.id };
    expect(left(pickup, [...handed, event('refunded', 4 * MINUTE, SYSTEM, refund)])).toBe(20_000);
  });

  it('is what the driver collected on a cash delivery, a short amount included, and nothing before', () => {
    const delivery = header('delivery');
    const carried = [
      event('accepted', MINUTE, OUTLET, { prepMinutes: 10 }),
      event('assigned', 2 * MINUTE, SYSTEM, { driverId: DRIVER1.id }),
      event('picked_up', 3 * MINUTE, DRIVER1, {}),
    ];
    expect(left(delivery, carried)).toBe(0);
    expect(left(delivery, [...carried, event('cash_collected', 4 * MINUTE, DRIVER1, { amount: money(27_000) })])).toBe(27_000);
  });
});
