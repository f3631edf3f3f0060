const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// Building an Intl.DateTimeFormat costs far more than using one; stats ask for the same few zones thousands of times.
const formats = new Map<string, Intl.DateTimeFormat>();
function wallClock(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, f);
  }
  return f;
}

const QUARTER_HOUR = 15 * 60_000;
/** Offsets per zone and quarter hour: every zone's offset, and every change of it, falls on a quarter hour. */
const offsets = new Map<string, number>();
const MAX_OFFSETS = 50_000;

/** How far `timeZone`'s wall clock is ahead of UTC at `at`, in ms (Asia/Kolkata: +5:30). */
export function utcOffsetMs(at: number, timeZone: string): number {
  const quarter = Math.floor(at / QUARTER_HOUR);
  const key = `${timeZone}|${quarter}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  // Reading a wall clock costs microseconds; stats fold thousands of quarter hours per request.
  if (offsets.size >= MAX_OFFSETS) offsets.clear();
  const offset = readOffset(quarter * QUARTER_HOUR, timeZone);
  offsets.set(key, offset);
  return offset;
}

function readOffset(at: number, timeZone: string): number {
  const part: Record<string, number> = {};
  for (const p of wallClock(timeZone).formatToParts(at)) if (p.type !== 'literal') part[p.type] = Number(p.value);
  const local = Date.UTC(part.year ?? 1970, (part.month ?? 1) - 1, part.day ?? 1, part.hour ?? 0, part.minute ?? 0, part.second ?? 0);
  return local - at;
}

/** The instant whose wall clock in `timeZone` reads `local` (ms since the epoch, as if the zone were UTC). */
function fromWallClock(local: number, timeZone: string, near: number): number {
  const guess = local - utcOffsetMs(near, timeZone);
  // A daylight-saving change between `near` and the answer moves the offset once more.
  return local - utcOffsetMs(guess, timeZone);
}

const floorTo = (ms: number, unit: number): number => Math.floor(ms / unit) * unit;

/** Midnight in `timeZone` at the start of the local day `at` falls in. */
export const startOfZonedDay = (at: number, timeZone: string): number =>
  fromWallClock(floorTo(at + utcOffsetMs(at, timeZone), DAY), timeZone, at);

/** The start of the local hour `at` falls in (with a half-hour zone, on the half hour of UTC). */
export const startOfZonedHour = (at: number, timeZone: string): number =>
  fromWallClock(floorTo(at + utcOffsetMs(at, timeZone), HOUR), timeZone, at);

/** The start of the local day after the one `at` falls in (23 or 25 hours later across a daylight-saving change). */
export const nextZonedDay = (at: number, timeZone: string): number =>
  startOfZonedDay(startOfZonedDay(at, timeZone) + DAY + 2 * HOUR, timeZone);

/** The hour of the day, 0–23, on the wall clock of `timeZone` at `at`. */
export const zonedHour = (at: number, timeZone: string): number => new Date(at + utcOffsetMs(at, timeZone)).getUTCHours();

/** "2024-05-01 18:30" on the wall clock of `timeZone`. */
export function zonedDateTime(at: number, timeZone: string): string {
  const iso = new Date(at + utcOffsetMs(at, timeZone)).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/**
 * The instant at which `timeZone`'s wall clock reads `local` ("2024-05-01T18:30", what a
 * datetime-local input gives), or null when it is not such a time. In a daylight-saving gap the
 * answer is the instant the clock jumps past it.
 */
export function wallClockInstant(local: string, timeZone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const back = new Date(wall);
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  return fromWallClock(wall, timeZone, wall);
}

/** `at` as a datetime-local input shows it on `timeZone`'s wall clock ("2024-05-01T18:30"). */
export const wallClockInput = (at: number, timeZone: string): string => zonedDateTime(at, timeZone).replace(' ', 'T');
