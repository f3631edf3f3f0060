import { describe, expect, it } from 'vitest';
import { mainUnitsText, parseMainUnits } from '../../../../shared/cash/amount';
import { CARD_ORDER_NO_CASH, cashCollectionProblem, collectedOn, shortBy } from '../../../../shared/cash/collection';
import type { OrderHeader } from '../../../../shared/order/header';
import { money } from '../../../../shared/money';
import { reduceOrder } from '../../../../shared/order/reduceOrder';
import { DRIVER1, DRIVER2, MINUTE, OUTLET, SYSTEM, event, header } from '../order/fixtures';

const DUE = 29_000; // the fixture's thali and delivery fee

describe('cash collected on an order', () => {
  it('may be the cash due or less (a customer short of cash), never more, and only in the order’s currency', () => {
    expect(cashCollectionProblem(header(), { amount: money(DUE) })).toBeNull();
    expect(cashCollectionProblem(header(), { amount: money(DUE - 500), currency: 'INR' })).toBeNull();
    expect(cashCollectionProblem(header(), { amount: money(DUE + 1) })).toMatch(/tip/);
    expect(cashCollectionProblem(header(), { amount: money(DUE), currency: 'USD' })).toMatch(/INR/);
    expect(shortBy(header(), { amount: money(DUE - 500) })).toBe(500);
    expect(shortBy(header(), { amount: money(DUE) })).toBe(0);
  });

  it('is refused on a card order, whatever the amount, with the reason said plainly', () => {
    const card: OrderHeader = { ...header(), payment: { method: 'card' } };
    expect(cashCollectionProblem(card, { amount: money(DUE) })).toBe('This order was paid by card: no cash is collected on it.');
    expect(cashCollectionProblem(card, { amount: money(0), currency: 'INR' })).toBe(CARD_ORDER_NO_CASH);
  });

  it('counts once per order: the first cash_collected by (at, id) on every device', () => {
    const later = event('cash_collected', 9 * MINUTE, DRIVER1, { amount: money(DUE) });
    const first = event('cash_collected', 8 * MINUTE, DRIVER1, { amount: money(DUE - 100) });
    expect(collectedOn([later, first])).toBe(first);
    expect(collectedOn([first, later])).toBe(first);
    expect(collectedOn([event('note', 0, DRIVER1, { text: 'Cash collected ₹290.00' })])).toBeNull();
  });

  it('counts in the fold only from the assigned driver, with the delivery or after it', () => {
    const history = [
      event('placed', 0, SYSTEM, {}),
      event('accepted', MINUTE, OUTLET, { prepMinutes: 10 }),
      event('assigned', 2 * MINUTE, SYSTEM, { driverId: DRIVER1.id }),
      event('cash_collected', 3 * MINUTE, DRIVER1, { amount: money(DUE) }), // before pick-up: no effect
      event('picked_up', 4 * MINUTE, DRIVER1, {}),
      event('cash_collected', 5 * MINUTE, DRIVER2, { amount: money(DUE) }), // not their order
      event('delivered', 6 * MINUTE, DRIVER1, {}),
      event('cash_collected', 6 * MINUTE, DRIVER1, { amount: money(DUE) }),
    ];
    const state = reduceOrder(history, { orderType: 'delivery' });
    expect(state.status).toBe('delivered');
    expect(state.applied.filter((e) => e.type === 'cash_collected').map((e) => e.by.id)).toEqual([DRIVER1.id]);
    expect(state.conflicts).toHaveLength(2);
  });
});

describe('amounts typed in the main unit', () => {
  it('read as minor units with at most two decimals', () => {
    expect(parseMainUnits('290')).toBe(29_000);
    expect(parseMainUnits(' 249.5 ')).toBe(24_950);
    expect(parseMainUnits('249,05')).toBe(24_905);
    for (const bad of ['', '-5', '1.234', 'abc', '1e3']) expect(parseMainUnits(bad)).toBeNull();
    expect(mainUnitsText(29_000)).toBe('290');
    expect(mainUnitsText(24_950)).toBe('249.50');
  });
});
