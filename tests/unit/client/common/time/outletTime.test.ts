import { describe, expect, it } from 'vitest';
import { outletTime } from '../../../../../client/common/time/outletTime';

const KOLKATA = 'Asia/Kolkata';
// 10:00 UTC on 5 Dec 2026: 15:30 in Kolkata, 05:00 in New York.
const AT = Date.UTC(2026, 11, 5, 10, 0);
const HOUR = 3_600_000;

describe('outletTime', () => {
  it('shows a time on the outlet’s wall clock, not the device’s', () => {
    // The suite runs in whatever zone the machine has (UTC in CI); the outlet's zone wins either way.
    expect(outletTime(KOLKATA, () => AT).time(AT)).toBe('03:30 pm');
    expect(outletTime('America/New_York', () => AT).time(AT)).toBe('05:00 am');
  });

  it('adds the day when the time is not on the outlet’s today', () => {
    // 20:00 UTC is already 01:30 the next day in Kolkata, while still the 5th in UTC.
    const lateEvening = Date.UTC(2026, 11, 5, 20, 0);
    expect(outletTime(KOLKATA, () => AT).time(lateEvening)).toBe('Sun, 6 Dec, 01:30 am');
    expect(outletTime(KOLKATA, () => lateEvening).time(lateEvening)).toBe('01:30 am');
  });

  it('always gives the day for history rows', () => {
    expect(outletTime(KOLKATA, () => AT).dateTime(AT)).toBe('Sat, 5 Dec, 03:30 pm');
  });

  it('starts the outlet’s day at its own midnight', () => {
    // Kolkata's 5 Dec began at 18:30 UTC on the 4th.
    expect(outletTime(KOLKATA).startOfDay(AT)).toBe(Date.UTC(2026, 11, 4, 18, 30));
    expect(outletTime(KOLKATA).startOfDay(AT + 9 * HOUR)).toBe(Date.UTC(2026, 11, 5, 18, 30));
  });

  it('falls back to the device’s zone until the outlet’s profile is known', () => {
    const device = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(outletTime(null, () => AT).time(AT)).toBe(outletTime(device, () => AT).time(AT));
  });
});
