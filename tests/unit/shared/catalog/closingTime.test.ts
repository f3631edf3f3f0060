import { describe, expect, it } from 'vitest';
import { nextClosingTime } from '../../../../shared/catalog/closingTime';
import type { OutletProfile } from '../../../../shared/catalog/menu';

type Hours = Pick<OutletProfile, 'hours' | 'closures' | 'timezone'>;
const every = (open: string, close: string): OutletProfile['hours'] => Array.from({ length: 7 }, () => [{ open, close }]);
/** Epoch ms of a wall-clock time in UTC (the profiles below keep their hours in UTC). */
const utc = (day: number, hh: number, mm = 0): number => Date.UTC(2024, 4, day, hh, mm);

describe('nextClosingTime', () => {
  it('is the end of the interval the outlet is open in', () => {
    const profile: Hours = { hours: every('11:00', '22:00'), closures: [], timezone: 'UTC' };
    expect(nextClosingTime(profile, utc(1, 12, 7))).toBe(utc(1, 22));
  });

  it('follows hours that run past midnight into the next day', () => {
    const profile: Hours = { hours: every('18:00', '02:00'), closures: [], timezone: 'UTC' };
    expect(nextClosingTime(profile, utc(1, 23, 30))).toBe(utc(2, 2));
  });

  it('stops at a one-off closure that starts before the hours end', () => {
    const profile: Hours = {
      hours: every('11:00', '22:00'),
      closures: [{ from: utc(1, 15), until: utc(1, 18), reason: 'staff meeting' }],
      timezone: 'UTC',
    };
    expect(nextClosingTime(profile, utc(1, 12))).toBe(utc(1, 15));
  });

  it('reads the hours in the outlet’s time zone', () => {
    const profile: Hours = { hours: every('11:00', '22:00'), closures: [], timezone: 'Asia/Kolkata' };
    // 12:00 UTC is 17:30 in Kolkata; 22:00 there is 16:30 UTC.
    expect(nextClosingTime(profile, utc(1, 12))).toBe(utc(1, 16, 30));
  });

  it('has no closing time when the outlet is closed now, or open all week', () => {
    expect(nextClosingTime({ hours: every('11:00', '22:00'), closures: [], timezone: 'UTC' }, utc(1, 23))).toBeNull();
    expect(nextClosingTime({ hours: every('00:00', '24:00'), closures: [], timezone: 'UTC' }, utc(1, 12))).toBeNull();
  });
});
