import type { OutletProfile } from './menu';

export type OpenState = { readonly open: true } | { readonly open: false; readonly reason: string };

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

// Building an Intl.DateTimeFormat costs far more than using one; every catalog read asks for the same few zones.
const formats = new Map<string, Intl.DateTimeFormat>();
function format(timeZone: string, kind: 'clock' | 'date' | 'time' | 'dateTime'): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'clock'
        ? { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
        : kind === 'date'
          ? { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }
          : kind === 'time'
            ? { timeZone, hour: '2-digit', minute: '2-digit' }
            : { timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
    f = new Intl.DateTimeFormat(kind === 'clock' || kind === 'date' ? 'en-US' : 'en-IN', options);
    formats.set(key, f);
  }
  return f;
}

/** Weekday (0 = Sunday) and minutes since midnight of `now` in `timeZone`. */
export function localClock(now: number, timeZone: string): { readonly weekday: number; readonly minutes: number } {
  const parts = format(timeZone, 'clock').formatToParts(now);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = WEEKDAYS.indexOf(get('weekday') as (typeof WEEKDAYS)[number]);
  return { weekday: Math.max(0, weekday), minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

/** `at` as a customer reads it in the outlet's zone: the time alone when it is on the same local day as `now`. */
export function formatLocalTime(at: number, timeZone: string, now: number): string {
  const sameDay = format(timeZone, 'date').format(at) === format(timeZone, 'date').format(now);
  return format(timeZone, sameDay ? 'time' : 'dateTime').format(at);
}

/** `at` with its day, in the outlet's zone and the same clock as formatLocalTime ("Fri, 5 Dec, 03:30 pm"). */
export const formatLocalDateTime = (at: number, timeZone: string): string => format(timeZone, 'dateTime').format(at);

/** "opens at 11:00", "opens tomorrow at 11:00", "opens Monday at 11:00", or null when no day has hours. */
function nextOpening(hours: OutletProfile['hours'], weekday: number, minutes: number): string | null {
  for (let d = 0; d <= 7; d++) {
    const day = (weekday + d) % 7;
    const opens = (hours[day] ?? [])
      .map(({ open }) => ({ open, at: minutesOf(open) }))
      // Today only counts what is still ahead; a week on, the same weekday counts what was already past today.
      .filter(({ at }) => (d === 0 ? at > minutes : d === 7 ? at <= minutes : true))
      .sort((a, b) => a.at - b.at);
    const first = opens[0];
    if (!first) continue;
    if (d === 0) return `opens at ${first.open}`;
    if (d === 1) return `opens tomorrow at ${first.open}`;
    return `opens ${d === 7 ? 'next ' : ''}${WEEKDAY_NAMES[day] ?? ''} at ${first.open}`;
  }
  return null;
}

/**
 * Is the outlet open at `now` by its weekly hours and one-off closures (not counting a pause)?
 * An interval whose close is at or before its open runs past midnight into the next day
 * ("18:00"–"02:00"; "00:00"–"00:00" is a whole day).
 */
export function openState(profile: Pick<OutletProfile, 'hours' | 'closures' | 'timezone'>, now: number): OpenState {
  const closure = profile.closures.find((c) => c.from <= now && now < c.until);
  if (closure) {
    const why = closure.reason.trim() ? ` (${closure.reason.trim().replace(/\.$/, '')})` : '';
    return { open: false, reason: `Closed until ${formatLocalTime(closure.until, profile.timezone, now)}${why}.` };
  }
  const { weekday, minutes } = localClock(now, profile.timezone);
  const today = profile.hours[weekday] ?? [];
  const yesterday = profile.hours[(weekday + 6) % 7] ?? [];
  const openToday = today.some(({ open, close }) => {
    const o = minutesOf(open);
    const c = minutesOf(close);
    return c > o ? minutes >= o && minutes < c : minutes >= o; // c <= o: runs past midnight
  });
  const openFromYesterday = yesterday.some(({ open, close }) => minutesOf(close) <= minutesOf(open) && minutes < minutesOf(close));
  if (openToday || openFromYesterday) return { open: true };
  const next = nextOpening(profile.hours, weekday, minutes);
  return { open: false, reason: next ? `Closed now; ${next}.` : 'Closed; not taking orders on any day at the moment.' };
}
