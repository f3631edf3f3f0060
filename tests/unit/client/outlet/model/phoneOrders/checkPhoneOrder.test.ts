import { describe, expect, it } from 'vitest';
import { checkPhoneOrder } from '../../../../../../client/outlet/model/phoneOrders/checkPhoneOrder';
import type { Catalog } from '../../../../../../shared/catalog/outletDoc';
import { MENU, PROFILE } from '../../../support/outletFixtures';

const NOW = Date.UTC(2026, 11, 5, 8, 0);
const open: Catalog = { profile: PROFILE, menu: MENU, availability: new Map(), paused: null, busy: null };
const CHAI = { items: [{ itemId: 'chai', qty: 2 }], type: 'pickup' as const };

describe('checkPhoneOrder', () => {
  it('prices a phone order while online ordering is paused, and says only that it is still placed', () => {
    const paused: Catalog = { ...open, paused: { until: null, reason: 'Rush', at: NOW - 60_000 } };
    const check = checkPhoneOrder(paused, CHAI, NOW);
    expect(check).toMatchObject({ blocking: null, warning: null, estimate: { total: 4_000 } });
    expect(check.notice).toBe('Dabba Kitchen is not taking new orders: Rush. Phone orders you take are still placed.');
  });

  it('has nothing to say about an open outlet', () => {
    expect(checkPhoneOrder(open, CHAI, NOW)).toMatchObject({ blocking: null, warning: null, notice: null });
  });

  it('still blocks what the server would refuse at any time, an order above the outlet maximum included', () => {
    expect(checkPhoneOrder(open, { items: [{ itemId: 'ghost', qty: 1 }], type: 'pickup' }, NOW).blocking).toMatch(/no item "ghost"/);
    const capped: Catalog = { ...open, profile: { ...PROFILE, maxOrderValue: 10_000 } };
    expect(
      checkPhoneOrder(
        capped,
        { items: [{ itemId: 'thali', qty: 1, modifiers: [{ groupId: 'size', optionId: 'regular' }] }], type: 'pickup' },
        NOW,
      ),
    ).toMatchObject({
      blocking: expect.stringMatching(/./),
      warning: null,
    });
  });
});
