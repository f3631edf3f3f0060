import { describe, expect, it } from 'vitest';
import { reduceOrder } from '../../../../shared/order/reduceOrder';
import { MINUTE, OUTLET, SYSTEM, event } from './fixtures';

const placed = event('placed', 0, SYSTEM, {});

describe('delaying', () => {
  it('has no effect on a ready order: its promise was already kept', () => {
    const history = [
      placed,
      event('accepted', MINUTE, OUTLET, { prepMinutes: 10 }),
      event('ready', 2 * MINUTE, OUTLET, {}),
      event('delayed', 3 * MINUTE, OUTLET, { minutes: 5 }),
    ];
    const state = reduceOrder(history, { orderType: 'pickup' });
    expect(state.delayMinutes).toBe(0);
    expect(state.conflicts.map((c) => c.event.type)).toEqual(['delayed']);
  });
});
