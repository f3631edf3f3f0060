import { STATS_MAX_DAYS } from '../../../../shared/api/adminStats';
import { fail, ok, type Result } from '../../../../shared/result';

/** A date input's value ("2026-12-05") for this device's day that holds `at`. */
export function dateInputValue(at: number): string {
  const day = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

function localMidnight(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [, y, m, d] = match;
  return new Date(Number(y), Number(m) - 1, Number(d)).getTime();
}

/**
 * The instants a "from day – to day" choice covers on this device's calendar: from the first day's
 * midnight to the midnight after the last (both days included), within what the server answers for.
 */
export function rangeOfDays(fromDay: string, toDay: string): Result<{ readonly from: number; readonly to: number }> {
  const from = localMidnight(fromDay);
  const last = localMidnight(toDay);
  if (from === null || last === null) return fail('invalid_range', 'Choose both days.');
  if (last < from) return fail('invalid_range', 'The last day is before the first.');
  const lastDay = new Date(last);
  const to = new Date(lastDay.getFullYear(), lastDay.getMonth(), lastDay.getDate() + 1).getTime();
  if (to - from > STATS_MAX_DAYS * 86_400_000 + 3_600_000) return fail('invalid_range', `Choose at most ${STATS_MAX_DAYS} days.`);
  return ok({ from, to });
}
