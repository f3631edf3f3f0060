import { describe, expect, it } from 'vitest';
import type { OutletProfile } from '../../../../../shared/catalog/menu';
import { startOfLocalDay } from '../../../../../shared/order/board';
import { choiceLabel, closingOrEndOfDay, untilOf } from '../../../../../client/common/availability/untilChoices';

type Hours = Pick<OutletProfile, 'hours' | 'closures' | 'timezone'>;
const every = (open: string, close: string): OutletProfile['hours'] => Array.from({ length: 7 }, () => [{ open, close }]);
const NOON = Date.UTC(2024, 4, 1, 12);

describe('how long an "86", a pause or busy mode lasts', () => {
  const lunchAndDinner: Hours = { hours: every('11:00', '22:00'), closures: [], timezone: 'UTC' };

  it('turns "for 1 hour" into an end time an hour away', () => {
    expect(untilOf({ kind: 'for', minutes: 60 }, NOON, lunchAndDinner)).toBe(NOON + 3_600_000);
  });

  it('turns "until closing" into the outlet’s closing time', () => {
    expect(untilOf({ kind: 'closing' }, NOON, lunchAndDinner)).toBe(Date.UTC(2024, 4, 1, 22));
  });

  it('ends "until closing" at midnight for an outlet that never closes, so it still ends by itself', () => {
    const allDay: Hours = { hours: every('00:00', '24:00'), closures: [], timezone: 'UTC' };
    expect(closingOrEndOfDay(allDay, NOON)).toBe(startOfLocalDay(NOON) + 24 * 3_600_000);
  });

  it('gives "until I turn it back on" no end time', () => {
    expect(untilOf({ kind: 'manual' }, NOON, lunchAndDinner)).toBeNull();
  });

  it('says each choice the way staff would', () => {
    expect(choiceLabel({ kind: 'for', minutes: 60 })).toBe('for 1 hour');
    expect(choiceLabel({ kind: 'for', minutes: 120 })).toBe('for 2 hours');
    expect(choiceLabel({ kind: 'for', minutes: 15 })).toBe('for 15 min');
    expect(choiceLabel({ kind: 'closing' })).toBe('until closing');
    expect(choiceLabel({ kind: 'manual' })).toBe('until I turn it back on');
  });
});
