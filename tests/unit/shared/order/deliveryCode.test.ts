import { describe, expect, it } from 'vitest';
import {
  DELIVERY_CODE_MAX_TRIES,
  deliveredCodeProblem,
  deliveryCodeCheck,
  deliveryCodeCheckSchema,
  deliveryCodeFailures,
  deliveryCodeMatches,
  deliveryCodeTriesLeft,
} from '../../../../shared/order/deliveryCode';
import { orderEventSchema } from '../../../../shared/order/events';
import { reduceOrder } from '../../../../shared/order/reduceOrder';
import { DRIVER1, event, OUTLET, SYSTEM } from './fixtures';

const ORDER = 'order-1';
const SALT = '0123456789abcdef0123456789abcdef';
const CHECK = deliveryCodeCheck(ORDER, '0427', SALT);

describe('delivery code check', () => {
  it('matches the code it was made from, and no other code, order or salt', () => {
    expect(deliveryCodeCheckSchema.parse(CHECK)).toEqual(CHECK);
    expect(deliveryCodeMatches(ORDER, CHECK, '0427')).toBe(true);
    expect(deliveryCodeMatches(ORDER, CHECK, '0428')).toBe(false);
    expect(deliveryCodeMatches('order-2', CHECK, '0427')).toBe(false);
    expect(deliveryCodeMatches(ORDER, { ...CHECK, salt: 'f'.repeat(32) }, '0427')).toBe(false);
  });

  it('never matches a code of the wrong shape, even one that contains the code', () => {
    for (const code of ['427', ' 0427', '04270', 'abcd', '']) expect(deliveryCodeMatches(ORDER, CHECK, code)).toBe(false);
  });

  it('holds neither the code nor the same hash for the same code on another order', () => {
    expect(JSON.stringify(CHECK)).not.toContain('0427');
    expect(deliveryCodeCheck('order-2', '0427', SALT).hash).not.toBe(CHECK.hash);
    expect(deliveryCodeCheck(ORDER, '0427', 'e'.repeat(32)).hash).not.toBe(CHECK.hash);
  });

  it('counts wrong codes recorded on the order, inert ones too, down to no tries left', () => {
    const placed = event('placed', 0, SYSTEM, {});
    const accepted = event('accepted', 1_000, OUTLET, { prepMinutes: 10 });
    const assigned = event('assigned', 2_000, SYSTEM, { driverId: DRIVER1.id });
    const pickedUp = event('picked_up', 3_000, DRIVER1, {});
    // One stamped before the pick-up: the fold leaves it inert, but it was a try.
    const early = event('delivery_code_failed', 2_500, DRIVER1, {});
    const wrong = [1, 2, 3, 4].map((i) => event('delivery_code_failed', 3_000 + i, DRIVER1, {}));
    const state = reduceOrder([placed, accepted, assigned, early, pickedUp, ...wrong], { orderType: 'delivery' });
    expect(state.status).toBe('picked_up');
    expect(deliveryCodeFailures(state)).toBe(5);
    expect(deliveryCodeTriesLeft(state)).toBe(0);
    expect(deliveryCodeTriesLeft(reduceOrder([placed, accepted, assigned, pickedUp], { orderType: 'delivery' }))).toBe(
      DELIVERY_CODE_MAX_TRIES,
    );
  });

  it('takes a driver’s delivery with the right code, or with a photo instead, and refuses a wrong or missing one', () => {
    expect(deliveredCodeProblem(ORDER, CHECK, { code: '0427' }, 0)).toBeNull();
    expect(deliveredCodeProblem(ORDER, CHECK, { proof: 'a'.repeat(64) }, 0)).toBeNull();
    expect(deliveredCodeProblem(ORDER, CHECK, { code: '1111' }, 0)).toBe('That is not the customer’s delivery code.');
    expect(deliveredCodeProblem(ORDER, CHECK, {}, 0)).toMatch(/delivery code/);
  });

  it('refuses even the right code once the tries are spent', () => {
    expect(deliveredCodeProblem(ORDER, CHECK, { code: '0427' }, DELIVERY_CODE_MAX_TRIES - 1)).toBeNull();
    expect(deliveredCodeProblem(ORDER, CHECK, { code: '0427' }, DELIVERY_CODE_MAX_TRIES)).toMatch(/Too many wrong codes/);
  });

  it('leaves orders without a code (pickup, dine-in, older orders) as they were', () => {
    expect(deliveredCodeProblem(ORDER, undefined, {}, 0)).toBeNull();
    expect(deliveredCodeProblem(ORDER, undefined, { code: '9999' }, 9)).toBeNull();
  });

  it('lets a delivered event carry only a code of the right shape', () => {
    const base = { id: 'e1', at: 1_700_000_000_000, by: DRIVER1, type: 'delivered' };
    expect(orderEventSchema.safeParse({ ...base, code: '0427' }).success).toBe(true);
    expect(orderEventSchema.safeParse({ ...base, code: '0427 or anything' }).success).toBe(false);
  });
});
