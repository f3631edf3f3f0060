import type { OutletProfile } from './menu';

export type OpenState =
  | { readonly open: true }
  | { readonly open: false; readonly reason: string };

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Weekday (0 = Sunday) and minutes since midnight of `now` in `timeZone`. */
export function localClock(now: number, timeZone: string): { readonly weekday: number; readonly minutes: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return { weekday: Math.max(0, weekday), minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

/** Is the outlet open at `now` by its weekly hours and one-off closures (not counting a pause)? */
export function openState(profile: Pick<OutletProfile, 'hours' | 'closures' | 'timezone'>, now: number): OpenState {
  const closure = profile.closures.find((c) => c.from <= now && now < c.until);
  if (closure) return { open: false, reason: closure.reason ? `Closed: ${closure.reason}.` : 'Closed today.' };
  const { weekday, minutes } = localClock(now, profile.timezone);
  const today = profile.hours[weekday] ?? [];
  const yesterday = profile.hours[(weekday + 6) % 7] ?? [];
  const openToday = today.some(({ open, close }) => {
    const o = minutesOf(open);
    const c = minutesOf(close);
    return c > o ? minutes >= o && minutes < c : minutes >= o; // c <= o: runs past midnight
  });
  const openFromYesterday = yesterday.some(({ open, close }) => minutesOf(close) <= minutesOf(open) && minutes < minutesOf(close));
  return openToday || openFromYesterday ? { open: true } : { open: false, reason: 'Closed now; see the opening hours.' };
}
