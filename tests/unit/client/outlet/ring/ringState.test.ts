import { describe, expect, it } from 'vitest';
import {
  INITIAL_RING,
  isRinging,
  isUrgent,
  ringReducer,
  shouldSound,
  waitingText,
  type NewOrder,
  type RingEvent,
  type RingState,
} from '../../../../../client/outlet/ring/ringState';

const meera: NewOrder = { id: 'o1', customerName: 'Meera' };
const ravi: NewOrder = { id: 'o2', customerName: 'Ravi' };
const run = (...events: RingEvent[]): RingState => events.reduce(ringReducer, INITIAL_RING);
const orders = (...newOrders: NewOrder[]): RingEvent => ({ type: 'orders', newOrders });

describe('the new-order ring', () => {
  it('is quiet with no new orders', () => {
    const state = run(orders());
    expect(isRinging(state)).toBe(false);
    expect(state.announcement).toBeNull();
  });

  it('rings and announces the customer when a new order arrives', () => {
    const state = run(orders(meera));
    expect(isRinging(state)).toBe(true);
    expect(shouldSound(state)).toBe(true);
    expect(state.announcement).toBe('New order from Meera');
  });

  it('announces only the orders that are new since the last look', () => {
    const state = run(orders(meera), orders(meera, ravi));
    expect(state.announcement).toBe('New order from Ravi');
    expect(state.pending.map((o) => o.id)).toEqual(['o1', 'o2']);
    expect(run(orders(meera, ravi)).announcement).toBe('2 new orders, from Meera, Ravi');
  });

  it('keeps ringing until someone acknowledges, then stays quiet for those orders', () => {
    const acknowledged = run(orders(meera), { type: 'acknowledge' });
    expect(isRinging(acknowledged)).toBe(false);
    expect(isRinging(ringReducer(acknowledged, orders(meera)))).toBe(false);
  });

  it('rings again for an order that arrives after the acknowledgement', () => {
    const state = run(orders(meera), { type: 'acknowledge' }, orders(meera, ravi));
    expect(state.pending).toEqual([ravi]);
    expect(state.announcement).toBe('New order from Ravi');
  });

  it('stops when the order is accepted or rejected (it is no longer new), on this device or another', () => {
    expect(isRinging(run(orders(meera), orders()))).toBe(false);
  });

  it('silences the tone when muted but keeps showing that orders wait', () => {
    const state = run(orders(meera), { type: 'mute', muted: true });
    expect(isRinging(state)).toBe(true);
    expect(shouldSound(state)).toBe(false);
    expect(shouldSound(ringReducer(state, { type: 'mute', muted: false }))).toBe(true);
  });

  it('forgets an acknowledgement once the order moved on, so its id cannot silence anything later', () => {
    const state = run(orders(meera), { type: 'acknowledge' }, orders());
    expect(state.acknowledged.size).toBe(0);
  });

  it('returns the same state when nothing changed, so nothing re-renders', () => {
    const state = run(orders(meera));
    expect(ringReducer(state, orders(meera))).toBe(state);
    expect(ringReducer(state, { type: 'mute', muted: false })).toBe(state);
  });
});

describe('an order the server escalated', () => {
  const late: NewOrder = { ...meera, escalated: true };

  it('rings again after it was acknowledged here, unmuted, and says it is still waiting', () => {
    const quiet = run(orders(meera), { type: 'acknowledge' }, { type: 'mute', muted: true });
    expect(isRinging(quiet)).toBe(false);
    const state = ringReducer(quiet, orders(late));
    expect(shouldSound(state)).toBe(true);
    expect(isUrgent(state)).toBe(true);
    expect(state.announcement).toBe("Meera's order is still waiting — accept or reject it");
  });

  it('breaks through once: acknowledged again, it stays quiet while it remains escalated', () => {
    const state = run(orders(late), { type: 'acknowledge' }, orders(late));
    expect(isRinging(state)).toBe(false);
  });
});

describe('an order acknowledged in its own events (on any device of the outlet)', () => {
  it('does not ring here, and a reload that starts from nothing stays quiet too', () => {
    const heard = { ...meera, acknowledged: true };
    expect(isRinging(run(orders(heard)))).toBe(false);
    const state = run(orders(heard, ravi));
    expect(state.pending).toEqual([ravi]);
  });

  it('stops ringing here once another tablet acknowledged it', () => {
    const state = run(orders(meera, ravi), orders({ ...meera, acknowledged: true }, { ...ravi, acknowledged: true }));
    expect(isRinging(state)).toBe(false);
  });
});

describe('the banner line', () => {
  const numberOf = (id: string): string => `#${id.toUpperCase()}`;

  it('names the one waiting order by number and customer', () => {
    expect(waitingText([meera], numberOf)).toBe('New order #O1 from Meera');
  });

  it('names every waiting order when more than one waits', () => {
    expect(waitingText([meera, ravi], numberOf)).toBe('2 new orders: #O1, #O2');
  });
});
