import { formatLocalDateTime, formatLocalTime } from '../../../shared/catalog/openingHours';
import { startOfZonedDay } from '../../../shared/zonedTime';

/**
 * Times as an outlet reads them: always on the outlet's wall clock (its profile's zone), whatever
 * zone the tablet or an admin's laptop is set to, and in the very format the outlet's own refusals
 * use ("paused until 03:30 pm"), so a pill and a message never disagree.
 */
export interface OutletTime {
  /** The time alone when it falls on the outlet's today, else with its day ("Fri, 5 Dec, 03:30 pm"). */
  readonly time: (at: number) => string;
  /** Always with its day: history, where rows span weeks. */
  readonly dateTime: (at: number) => string;
  /** Midnight of the outlet's day `at` falls in: what "today" and "done today" count from. */
  readonly startOfDay: (at: number) => number;
}

/** This device's zone: the best guess while the outlet's profile has not reached the device. */
export const deviceTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function outletTime(timeZone: string | null, clock: () => number = Date.now): OutletTime {
  const zone = timeZone ?? deviceTimeZone();
  return {
    time: (at) => formatLocalTime(at, zone, clock()),
    dateTime: (at) => formatLocalDateTime(at, zone),
    startOfDay: (at) => startOfZonedDay(at, zone),
  };
}
