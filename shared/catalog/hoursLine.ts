import { nextClosingTime } from './closingTime';
import type { OutletProfile } from './menu';
import { formatLocalTime, openState } from './openingHours';

/**
 * The outlet's hours in one line, as a list of restaurants shows them: "Open now, until 22:00",
 * "Open now, 24 hours", or why it is closed and when it opens ("Closed now; opens at 11:00.").
 * Times are the outlet's, in its time zone. A pause is not hours: the caller says that.
 */
export function hoursLine(profile: Pick<OutletProfile, 'hours' | 'closures' | 'timezone'>, now: number): string {
  const open = openState(profile, now);
  if (!open.open) return open.reason;
  // Round the clock needs no week-long search for a closing time (the slow part of nextClosingTime).
  if (openAllDay(profile.hours) && !profile.closures.some((c) => c.until > now)) return 'Open now, 24 hours';
  const closes = nextClosingTime(profile, now);
  return closes === null ? 'Open now, 24 hours' : `Open now, until ${formatLocalTime(closes, profile.timezone, now)}`;
}

const openAllDay = (hours: OutletProfile['hours']): boolean =>
  hours.every((day) => day.some(({ open, close }) => open === '00:00' && (close === '24:00' || close === '00:00')));
