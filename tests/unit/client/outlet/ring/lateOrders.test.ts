import { describe, expect, it } from 'vitest';
import type { OrderStatus } from '../../../../../shared/order/status';
import { lateOrders, lateSounding, lateText } from '../../../../../client/outlet/ring/lateOrders';

const MINUTE = 60_000;
const NOW = Date.UTC(2026, 11, 5, 10, 0);

const order = (id: string, status: OrderStatus, readyBy: number | null, customerName = 'Meera') => ({
  id,
  status,
  customerName,
  placedAt: NOW - 30 * MINUTE,
  readyBy,
  statusAt: NOW - 20 * MINUTE,
});

describe('late orders', () => {
  it('are accepted or preparing orders past their ready-by time, the latest first', () => {
    const late = lateOrders(
      [
        order('a', 'accepted', NOW - 2 * MINUTE, 'Asha'),
        order('b', 'preparing', NOW - 9 * MINUTE, 'Ravi'),
        order('c', 'preparing', NOW + MINUTE),
      ],
      NOW,
    );
    expect(late).toEqual([
      { id: 'b', customerName: 'Ravi', minutesLate: 9 },
      { id: 'a', customerName: 'Asha', minutesLate: 2 },
    ]);
  });

  it('are not late at the promised minute itself, only after it', () => {
    expect(lateOrders([order('a', 'preparing', NOW)], NOW)).toEqual([]);
    expect(lateOrders([order('a', 'preparing', NOW)], NOW + 1)).toHaveLength(1);
  });

  it('leave out new, ready and out-for-delivery orders, and orders with no promise', () => {
    const past = NOW - 10 * MINUTE;
    const others = (['placed', 'ready', 'picked_up', 'delivered'] as const).map((s) => order(s, s, past));
    expect(lateOrders([...others, order('x', 'accepted', null)], NOW)).toEqual([]);
  });

  it('sound until quietened on this device, and again when another order turns late', () => {
    const [first] = lateOrders([order('a', 'preparing', NOW - MINUTE)], NOW);
    const late = first ? [first] : [];
    expect(lateSounding(late, new Set(), false)).toBe(true);
    expect(lateSounding(late, new Set(['a']), false)).toBe(false);
    const more = lateOrders([order('a', 'preparing', NOW - MINUTE), order('b', 'accepted', NOW - MINUTE)], NOW);
    expect(lateSounding(more, new Set(['a']), false)).toBe(true);
  });

  it('stay silent while the tablet is muted', () => {
    expect(lateSounding(lateOrders([order('a', 'preparing', NOW - MINUTE)], NOW), new Set(), true)).toBe(false);
  });

  it('are named by order number, minutes and customer in the banner', () => {
    const numberOf = (id: string): string => `#${id.toUpperCase()}`;
    expect(lateText([{ id: 'a', customerName: 'Asha', minutesLate: 3 }], numberOf)).toBe('Late: #A 3 min (Asha)');
    expect(
      lateText(
        [
          { id: 'b', customerName: 'Ravi', minutesLate: 9 },
          { id: 'a', customerName: 'Asha', minutesLate: 3 },
        ],
        numberOf,
      ),
    ).toBe('2 orders late: #B 9 min (Ravi), #A 3 min (Asha)');
  });
});
