import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../../../../client/common/store/keyValueStorage';
import {
  KEEP_FOR_MS,
  KEEP_ORDERS,
  REFRESH_AT_MOST,
  toRefresh,
  trackingTokenOfPath,
  type PlacedOrder,
} from '../../../../../client/order/yourOrders/placedOrderRules';
import { PLACED_ORDERS_KEY, PlacedOrders } from '../../../../../client/order/yourOrders/placedOrders';

const NOW = Date.UTC(2026, 11, 6, 12);
const MIN = 60_000;

const order = (n: number, placedAt: number): Omit<PlacedOrder, 'status'> => ({
  orderId: `order-${n}`,
  number: `#K7M${n}`,
  outletName: 'Dabba Demo Kitchen',
  placedAt,
  trackingPath: `/track/token${n}`,
  total: 45_000,
  currency: 'INR',
});

describe('the orders placed from this device', () => {
  it('are listed newest first, each once, and survive a reload', () => {
    const storage = memoryStorage();
    const first = new PlacedOrders(storage);
    first.remember(order(1, NOW - 30 * MIN), NOW - 30 * MIN);
    first.remember(order(2, NOW - 5 * MIN), NOW - 5 * MIN);
    first.remember(order(1, NOW - 30 * MIN), NOW);
    const reloaded = new PlacedOrders(storage).list(NOW);
    expect(reloaded.map((o) => o.orderId)).toEqual(['order-2', 'order-1']);
    expect(reloaded[0]).toMatchObject({ number: '#K7M2', trackingPath: '/track/token2', total: 45_000, status: null });
  });

  it(`keep at most ${KEEP_ORDERS}, none older than 90 days`, () => {
    const store = new PlacedOrders(memoryStorage());
    store.remember(order(0, NOW - KEEP_FOR_MS - MIN), NOW - KEEP_FOR_MS - MIN);
    for (let n = 1; n <= KEEP_ORDERS + 3; n++) store.remember(order(n, NOW - n * MIN), NOW);
    const kept = store.list(NOW);
    expect(kept).toHaveLength(KEEP_ORDERS);
    expect(kept[0]?.orderId).toBe('order-1');
    expect(kept.at(-1)?.orderId).toBe(`order-${KEEP_ORDERS}`);
    expect(store.list(NOW + KEEP_FOR_MS)).toEqual([]);
  });

  it('read as none when the storage holds something unreadable', () => {
    const storage = memoryStorage();
    storage.setItem(PLACED_ORDERS_KEY, '{"v":1,"orders":[{"orderId":5}]}');
    expect(new PlacedOrders(storage).list(NOW)).toEqual([]);
    storage.setItem(PLACED_ORDERS_KEY, 'not json');
    expect(new PlacedOrders(storage).list(NOW)).toEqual([]);
  });

  it('keep the statuses heard from their tracking links', () => {
    const store = new PlacedOrders(memoryStorage());
    store.remember(order(1, NOW - MIN), NOW);
    store.remember(order(2, NOW), NOW);
    const updated = store.noteStatuses(new Map([['order-1', 'cancelled']]), NOW);
    expect(updated.map((o) => [o.orderId, o.status])).toEqual([
      ['order-2', null],
      ['order-1', 'cancelled'],
    ]);
  });
});

describe('which statuses are asked for', () => {
  it(`only orders that can still change, the newest ${REFRESH_AT_MOST}`, () => {
    const orders: PlacedOrder[] = [
      { ...order(1, NOW), status: 'delivered' },
      { ...order(2, NOW - 1), status: null },
      { ...order(3, NOW - 2), status: 'cancelled' },
      ...Array.from({ length: 8 }, (_, i) => ({ ...order(10 + i, NOW - 10 - i), status: 'accepted' as const })),
    ];
    const asked = toRefresh(orders).map((o) => o.orderId);
    expect(asked).toEqual(['order-2', 'order-10', 'order-11', 'order-12', 'order-13']);
  });

  it('reads the token from a tracking path, and nothing from another path', () => {
    expect(trackingTokenOfPath('/track/abc_DEF-123')).toBe('abc_DEF-123');
    expect(trackingTokenOfPath('/order/demo-outlet')).toBeNull();
    expect(trackingTokenOfPath('/track/a/b')).toBeNull();
  });
});
