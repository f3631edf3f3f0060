import { describe, expect, it } from 'vitest';
import {
  ACCEPT_WITHIN_MINUTES,
  columnOf,
  groupBoard,
  orderTimer,
  startOfLocalDay,
  statusSince,
  type BoardOrder,
} from '../../../../shared/order/board';
import { ORDER_STATUSES, type OrderStatus } from '../../../../shared/order/status';
import { MINUTE, OUTLET, SYSTEM, T0, event } from './fixtures';

const order = (id: string, status: OrderStatus, over: Partial<BoardOrder> = {}): BoardOrder => ({
  id,
  status,
  placedAt: T0,
  readyBy: null,
  statusAt: T0,
  ...over,
});

describe('board columns', () => {
  it('puts every status in exactly the column the kitchen expects', () => {
    expect(Object.fromEntries(ORDER_STATUSES.map((s) => [s, columnOf(s)]))).toEqual({
      awaiting_payment: 'new',
      placed: 'new',
      accepted: 'accepted',
      preparing: 'preparing',
      ready: 'ready',
      picked_up: 'out',
      delivered: 'done',
      rejected: 'done',
      cancelled: 'done',
      failed: 'done',
    });
  });

  it('serves new orders first come first served, and kitchen columns by the earliest ready-by time', () => {
    const board = groupBoard(
      [
        order('late-new', 'placed', { placedAt: T0 + 5 * MINUTE }),
        order('early-new', 'placed', { placedAt: T0 }),
        order('due-later', 'preparing', { readyBy: T0 + 30 * MINUTE }),
        order('due-sooner', 'preparing', { readyBy: T0 + 10 * MINUTE }),
      ],
      T0,
    );
    expect(board.columns.new.map((o) => o.id)).toEqual(['early-new', 'late-new']);
    expect(board.columns.preparing.map((o) => o.id)).toEqual(['due-sooner', 'due-later']);
  });

  it('shows done orders closed since the start of the day, newest first, and only counts earlier ones', () => {
    const board = groupBoard(
      [
        order('yesterday', 'delivered', { statusAt: T0 - MINUTE }),
        order('this-morning', 'cancelled', { statusAt: T0 + MINUTE }),
        order('just-now', 'rejected', { statusAt: T0 + 2 * MINUTE }),
        order('still-open', 'ready', { statusAt: T0 - 60 * MINUTE }),
      ],
      T0,
    );
    expect(board.columns.done.map((o) => o.id)).toEqual(['just-now', 'this-morning']);
    expect(board.doneEarlier).toBe(1);
    expect(board.columns.ready.map((o) => o.id)).toEqual(['still-open']);
  });

  it('orders ties by id so every device draws the same board', () => {
    const a = groupBoard([order('b', 'placed'), order('a', 'placed')], T0);
    const b = groupBoard([order('a', 'placed'), order('b', 'placed')], T0);
    expect(a.columns.new.map((o) => o.id)).toEqual(['a', 'b']);
    expect(b.columns.new.map((o) => o.id)).toEqual(['a', 'b']);
  });
});

describe('order timers', () => {
  it('counts a new order up from when it was placed and turns it late when nobody answered in time', () => {
    const placed = order('o', 'placed');
    expect(orderTimer(placed, T0 + 2 * MINUTE)).toEqual({ kind: 'waiting', minutes: 2, late: false });
    expect(orderTimer(placed, T0 + ACCEPT_WITHIN_MINUTES * MINUTE)).toEqual({
      kind: 'waiting',
      minutes: ACCEPT_WITHIN_MINUTES,
      late: true,
    });
  });

  it('counts an order in the kitchen down to its ready-by time, and late past it', () => {
    const cooking = order('o', 'preparing', { readyBy: T0 + 15 * MINUTE });
    expect(orderTimer(cooking, T0 + 5 * MINUTE)).toEqual({ kind: 'due', at: T0 + 15 * MINUTE, minutes: 10, late: false });
    expect(orderTimer(cooking, T0 + 15 * MINUTE + 30_000)).toEqual({ kind: 'due', at: T0 + 15 * MINUTE, minutes: 1, late: true });
    expect(orderTimer(cooking, T0 + 15 * MINUTE)).toMatchObject({ late: false });
  });

  it('counts ready and out orders from when they got there, and flags one that was ready after its promise', () => {
    const onTime = order('o', 'ready', { readyBy: T0 + 15 * MINUTE, statusAt: T0 + 14 * MINUTE });
    const late = order('o', 'ready', { readyBy: T0 + 15 * MINUTE, statusAt: T0 + 20 * MINUTE });
    expect(orderTimer(onTime, T0 + 17 * MINUTE)).toEqual({ kind: 'since', minutes: 3, late: false });
    expect(orderTimer(late, T0 + 21 * MINUTE)).toEqual({ kind: 'since', minutes: 1, late: true });
    expect(orderTimer(order('o', 'picked_up', { statusAt: T0 }), T0 + 9 * MINUTE)).toEqual({ kind: 'since', minutes: 9, late: false });
  });

  it('has no timer for done orders', () => {
    expect(orderTimer(order('o', 'delivered'), T0)).toEqual({ kind: 'none' });
  });
});

describe('statusSince', () => {
  it('is the time of the last event that set the status, not of later notes or delays', () => {
    const applied = [
      event('placed', 0, SYSTEM, {}),
      event('accepted', MINUTE, OUTLET, { prepMinutes: 15 }),
      event('delayed', 2 * MINUTE, OUTLET, { minutes: 5 }),
      event('note', 3 * MINUTE, OUTLET, { text: 'extra spicy' }),
    ];
    expect(statusSince(applied, 0)).toBe(T0 + MINUTE);
    expect(statusSince([], 42)).toBe(42);
  });
});

describe('startOfLocalDay', () => {
  it('is local midnight of the same day', () => {
    const midnight = new Date(2024, 4, 1, 0, 0, 0, 0).getTime();
    expect(startOfLocalDay(new Date(2024, 4, 1, 18, 30).getTime())).toBe(midnight);
    expect(startOfLocalDay(midnight)).toBe(midnight);
  });
});
