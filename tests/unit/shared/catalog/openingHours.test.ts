import { describe, expect, it } from 'vitest';
import type { Closure, OpeningInterval, OutletProfile } from '../../../../shared/catalog/menu';
import { formatLocalTime, localClock, openState } from '../../../../shared/catalog/openingHours';
import { isTimeZone } from '../../../../shared/catalog/timeZone';

type Hours = OutletProfile['hours'];
type Day = 'sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat';
const DAYS: readonly Day[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Weekly hours with only the named days open. */
function hours(days: Partial<Record<Day, OpeningInterval[]>>): Hours {
  return DAYS.map((d) => days[d] ?? []);
}

const profile = (h: Hours, timezone = 'Asia/Kolkata', closures: Closure[] = []) => ({ hours: h, closures, timezone });

/** An instant given as wall-clock time in India (UTC+05:30, no daylight saving). 2024-01-01 is a Monday. */
const ist = (day: number, hh: number, mm = 0) => Date.UTC(2024, 0, day, hh, mm) - 330 * 60_000;
const isOpen = (p: ReturnType<typeof profile>, at: number) => openState(p, at).open;

describe('openState: weekly hours', () => {
  const lunchAndDinner = profile(
    hours({
      mon: [
        { open: '11:00', close: '15:00' },
        { open: '18:00', close: '22:30' },
      ],
    }),
  );

  it('is open from the opening minute up to, not including, the closing minute', () => {
    expect(isOpen(lunchAndDinner, ist(1, 10, 59))).toBe(false);
    expect(isOpen(lunchAndDinner, ist(1, 11, 0))).toBe(true);
    expect(isOpen(lunchAndDinner, ist(1, 14, 59))).toBe(true);
    expect(isOpen(lunchAndDinner, ist(1, 15, 0))).toBe(false);
  });

  it('is closed between two intervals of one day and open in the second', () => {
    expect(isOpen(lunchAndDinner, ist(1, 16, 30))).toBe(false);
    expect(isOpen(lunchAndDinner, ist(1, 22, 29))).toBe(true);
    expect(isOpen(lunchAndDinner, ist(1, 22, 30))).toBe(false);
  });

  it('is closed all day on a day without intervals', () => {
    expect(isOpen(lunchAndDinner, ist(2, 12, 0))).toBe(false);
  });

  it('treats "00:00"–"24:00" as the whole day, up to its last minute', () => {
    const always = profile(hours({ mon: [{ open: '00:00', close: '24:00' }] }));
    expect(isOpen(always, ist(1, 0, 0))).toBe(true);
    expect(isOpen(always, ist(1, 23, 59))).toBe(true);
    expect(isOpen(always, ist(2, 0, 0))).toBe(false);
  });
});

describe('openState: intervals past midnight', () => {
  // Friday 2024-01-05 18:00 until Saturday 02:00; nothing else.
  const lateFriday = profile(hours({ fri: [{ open: '18:00', close: '02:00' }] }));

  it('is open from the evening until the close on the next day', () => {
    expect(isOpen(lateFriday, ist(5, 17, 59))).toBe(false);
    expect(isOpen(lateFriday, ist(5, 18, 0))).toBe(true);
    expect(isOpen(lateFriday, ist(5, 23, 59))).toBe(true);
    expect(isOpen(lateFriday, ist(6, 0, 0))).toBe(true);
    expect(isOpen(lateFriday, ist(6, 1, 59))).toBe(true);
    expect(isOpen(lateFriday, ist(6, 2, 0))).toBe(false);
  });

  it('does not carry into a day whose previous day had no such interval', () => {
    expect(isOpen(lateFriday, ist(5, 1, 0))).toBe(false); // Friday 01:00: Thursday had no late interval
    expect(isOpen(lateFriday, ist(7, 1, 0))).toBe(false); // Sunday 01:00: Saturday had none
  });

  it('reads an interval whose close equals its open as a full 24 hours from the open', () => {
    const fromTen = profile(hours({ mon: [{ open: '10:00', close: '10:00' }] }));
    expect(isOpen(fromTen, ist(1, 9, 59))).toBe(false);
    expect(isOpen(fromTen, ist(1, 10, 0))).toBe(true);
    expect(isOpen(fromTen, ist(2, 9, 59))).toBe(true);
    expect(isOpen(fromTen, ist(2, 10, 0))).toBe(false);
  });
});

describe('openState: closures', () => {
  const everyDay = hours(Object.fromEntries(DAYS.map((d) => [d, [{ open: '00:00', close: '24:00' }]])));
  const diwali: Closure = { from: ist(1, 0), until: ist(2, 9), reason: 'Diwali.' };

  it('closes from the closure start up to, not including, its end, whatever the hours say', () => {
    const p = profile(everyDay, 'Asia/Kolkata', [diwali]);
    expect(isOpen(p, ist(1, 0) - 1)).toBe(true);
    expect(isOpen(p, ist(1, 0))).toBe(false);
    expect(isOpen(p, ist(2, 8, 59))).toBe(false);
    expect(isOpen(p, ist(2, 9))).toBe(true);
  });

  it('says until when, in the outlet time zone, and why', () => {
    const state = openState(profile(everyDay, 'Asia/Kolkata', [diwali]), ist(1, 12));
    expect(state).toEqual({ open: false, reason: 'Closed until Tue, 2 Jan, 09:00 am (Diwali).' });
    const sameDay = openState(profile(everyDay, 'Asia/Kolkata', [{ from: ist(1, 12), until: ist(1, 15), reason: '' }]), ist(1, 13));
    expect(sameDay).toEqual({ open: false, reason: 'Closed until 03:00 pm.' });
  });
});

describe('openState: time zones', () => {
  const nineToFive = (timezone: string) =>
    profile(hours(Object.fromEntries(DAYS.map((d) => [d, [{ open: '09:00', close: '17:00' }]]))), timezone);

  it('reads the hours in the outlet zone, including half-hour offsets', () => {
    const at = Date.UTC(2024, 0, 3, 3, 30); // 09:00 in Kolkata, 03:30 in London, 22:30 the day before in New York
    expect(isOpen(nineToFive('Asia/Kolkata'), at)).toBe(true);
    expect(isOpen(nineToFive('Asia/Kolkata'), at - 1)).toBe(false);
    expect(isOpen(nineToFive('Europe/London'), at)).toBe(false);
    expect(isOpen(nineToFive('America/New_York'), at)).toBe(false);
  });

  it('takes the weekday from the outlet zone, not from UTC', () => {
    expect(localClock(Date.UTC(2024, 0, 1, 18, 30), 'Asia/Kolkata')).toEqual({ weekday: 2, minutes: 0 }); // Tue 00:00 there, Mon in UTC
    expect(localClock(Date.UTC(2024, 0, 1, 3, 0), 'America/New_York')).toEqual({ weekday: 0, minutes: 22 * 60 }); // Sun 22:00 there
  });

  it('follows daylight saving time: the same UTC instant is before opening in winter and after it in summer', () => {
    const ny = nineToFive('America/New_York');
    // 13:30 UTC is 08:30 EST on Friday 8 March 2024, and 09:30 EDT on Monday 11 March after the clocks went forward.
    expect(isOpen(ny, Date.UTC(2024, 2, 8, 13, 30))).toBe(false);
    expect(isOpen(ny, Date.UTC(2024, 2, 11, 13, 30))).toBe(true);
    // And back: 21:30 UTC is 17:30 EDT on Friday 1 November, and 16:30 EST on Monday 4 November after the clocks went back.
    expect(isOpen(ny, Date.UTC(2024, 10, 1, 21, 30))).toBe(false);
    expect(isOpen(ny, Date.UTC(2024, 10, 4, 21, 30))).toBe(true);
  });

  it('keeps a past-midnight interval right across the night the clocks go forward', () => {
    // Saturday 9 March 2024 22:00 until Sunday 03:00 in New York; at 02:00 EST the clocks jump to 03:00 EDT.
    const late = profile(hours({ sat: [{ open: '22:00', close: '03:00' }] }), 'America/New_York');
    expect(isOpen(late, Date.UTC(2024, 2, 10, 4, 0))).toBe(true); // Sat 23:00 EST
    expect(isOpen(late, Date.UTC(2024, 2, 10, 6, 59))).toBe(true); // Sun 01:59 EST
    expect(isOpen(late, Date.UTC(2024, 2, 10, 7, 0))).toBe(false); // Sun 03:00 EDT: an hour of the night does not exist
  });

  it('knows a real IANA zone from a made-up one', () => {
    expect(isTimeZone('Asia/Kolkata')).toBe(true);
    expect(isTimeZone('America/New_York')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});

describe('openState: when it opens next', () => {
  const p = profile(
    hours({
      mon: [
        { open: '18:00', close: '22:00' },
        { open: '11:00', close: '15:00' },
      ],
      wed: [{ open: '09:30', close: '12:00' }],
    }),
  );
  const reason = (at: number) => {
    const s = openState(p, at);
    return s.open ? null : s.reason;
  };

  it('names the next opening later today, tomorrow, on a weekday, or next week', () => {
    expect(reason(ist(1, 9))).toBe('Closed now; opens at 11:00.');
    expect(reason(ist(1, 16))).toBe('Closed now; opens at 18:00.');
    expect(reason(ist(2, 12))).toBe('Closed now; opens tomorrow at 09:30.');
    expect(reason(ist(3, 13))).toBe('Closed now; opens Monday at 11:00.');
    const onlyMonday = profile(hours({ mon: [{ open: '11:00', close: '12:00' }] }));
    const late = openState(onlyMonday, ist(1, 13));
    expect(late.open ? null : late.reason).toBe('Closed now; opens next Monday at 11:00.');
  });

  it('says so when no day has any hours', () => {
    const state = openState(profile(hours({})), ist(1, 12));
    expect(state.open ? null : state.reason).toMatch(/not taking orders on any day/);
  });
});

describe('formatLocalTime', () => {
  it('gives the time alone on the same local day, and the date too on another', () => {
    expect(formatLocalTime(ist(1, 15, 30), 'Asia/Kolkata', ist(1, 9))).toBe('03:30 pm');
    expect(formatLocalTime(ist(2, 15, 30), 'Asia/Kolkata', ist(1, 9))).toBe('Tue, 2 Jan, 03:30 pm');
    // Same UTC day, but already the next day in Kolkata.
    expect(formatLocalTime(Date.UTC(2024, 0, 1, 19, 0), 'Asia/Kolkata', Date.UTC(2024, 0, 1, 12, 0))).toBe('Tue, 2 Jan, 12:30 am');
  });
});
