import { describe, expect, it } from 'vitest';
import { hoursLine } from '../../../../shared/catalog/hoursLine';
import type { OutletProfile } from '../../../../shared/catalog/menu';

type Hours = Pick<OutletProfile, 'hours' | 'closures' | 'timezone'>;
const every = (open: string, close: string): OutletProfile['hours'] => Array.from({ length: 7 }, () => [{ open, close }]);
const utc = (day: number, hh: number, mm = 0): number => Date.UTC(2024, 4, day, hh, mm);
const lunchAndDinner: Hours = { hours: every('11:00', '22:00'), closures: [], timezone: 'UTC' };

describe('hoursLine', () => {
  it('says an open outlet is open now and until when, in its time zone', () => {
    expect(hoursLine(lunchAndDinner, utc(1, 12))).toMatch(/^Open now, until (10:00\s?pm|22:00)$/i);
  });

  it('says an outlet open all week is open 24 hours', () => {
    expect(hoursLine({ ...lunchAndDinner, hours: every('00:00', '24:00') }, utc(1, 12))).toBe('Open now, 24 hours');
    expect(hoursLine({ ...lunchAndDinner, hours: every('00:00', '00:00') }, utc(1, 12))).toBe('Open now, 24 hours');
  });

  it('says until when an outlet open round the clock closes for a coming closure', () => {
    const closing: Hours = {
      hours: every('00:00', '24:00'),
      closures: [{ from: utc(1, 20), until: utc(2, 8), reason: '' }],
      timezone: 'UTC',
    };
    expect(hoursLine(closing, utc(1, 12))).toMatch(/^Open now, until (0?8:00\s?pm|20:00)$/i);
  });

  it('says when a closed outlet opens next', () => {
    expect(hoursLine(lunchAndDinner, utc(1, 8))).toBe('Closed now; opens at 11:00.');
    expect(hoursLine(lunchAndDinner, utc(1, 23))).toBe('Closed now; opens tomorrow at 11:00.');
  });

  it('names a one-off closure and its reason', () => {
    const closed: Hours = { ...lunchAndDinner, closures: [{ from: utc(1, 0), until: utc(1, 18), reason: 'Diwali' }] };
    expect(hoursLine(closed, utc(1, 12))).toMatch(/^Closed until (0?6:00\s?pm|18:00) \(Diwali\)\.$/i);
  });
});
