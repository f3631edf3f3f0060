import type { OpeningInterval, OutletProfile } from '../../../../shared/catalog/menu';

/** Opening hours per weekday (0 = Sunday), edited as a whole week and saved with the profile. */
export type WeeklyHours = OutletProfile['hours'];

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** Monday first, as a kitchen's week is read. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

const withDay = (hours: WeeklyHours, day: number, intervals: readonly OpeningInterval[]): WeeklyHours =>
  hours.map((list, d) => (d === day ? [...intervals] : list));

/** A new interval starts after the day's last one closes, or at lunch on an empty day. */
export function addInterval(hours: WeeklyHours, day: number): WeeklyHours {
  const today = hours[day] ?? [];
  const last = today[today.length - 1];
  const next: OpeningInterval = last
    ? { open: last.close === '24:00' ? '00:00' : last.close, close: '23:00' }
    : { open: '11:00', close: '22:00' };
  return withDay(hours, day, [...today, next]);
}

export function changeInterval(hours: WeeklyHours, day: number, index: number, change: Partial<OpeningInterval>): WeeklyHours {
  return withDay(
    hours,
    day,
    (hours[day] ?? []).map((interval, i) => (i === index ? { ...interval, ...change } : interval)),
  );
}

export function removeInterval(hours: WeeklyHours, day: number, index: number): WeeklyHours {
  return withDay(
    hours,
    day,
    (hours[day] ?? []).filter((_, i) => i !== index),
  );
}

/** The same hours on every day as on `day`. */
export function copyToEveryDay(hours: WeeklyHours, day: number): WeeklyHours {
  const source = hours[day] ?? [];
  return hours.map(() => source.map((interval) => ({ ...interval })));
}

/** "24:00" closes at midnight; a time input cannot show it, so the editor shows and reads "00:00" for a close. */
export const closeInputValue = (close: string): string => (close === '24:00' ? '00:00' : close);
export const closeFromInput = (value: string): string => (value === '00:00' ? '24:00' : value);
