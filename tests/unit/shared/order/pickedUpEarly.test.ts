import { describe, expect, it } from 'vitest';
import { pickedUpEarly } from '../../../../shared/order/pickedUpEarly';

const events = (...types: string[]) => types.map((type) => ({ type }));

describe('picked up before the kitchen marked it ready', () => {
  it('is so when the pickup came with no Ready before it', () => {
    expect(pickedUpEarly(events('placed', 'accepted', 'assigned', 'picked_up'))).toBe(true);
    expect(pickedUpEarly(events('placed', 'accepted', 'preparing', 'picked_up', 'delivered'))).toBe(true);
  });

  it('is not so when Ready came first, or nothing was picked up yet', () => {
    expect(pickedUpEarly(events('placed', 'accepted', 'ready', 'picked_up'))).toBe(false);
    expect(pickedUpEarly(events('placed', 'accepted'))).toBe(false);
  });

  it('does not count a Ready that came after the pickup', () => {
    expect(pickedUpEarly(events('placed', 'accepted', 'picked_up', 'ready'))).toBe(true);
  });
});
