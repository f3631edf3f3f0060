import type { OutletProfile } from './menu';
import { openState } from './openingHours';

const MINUTE = 60_000;
const COARSE = 15 * MINUTE;
/** Look no further than a week: an outlet open all week has no closing time worth naming. */
const HORIZON = 7 * 24 * 60 * MINUTE;

/**
 * When the outlet next closes by its hours and closures: the first whole minute after `now` at
 * which it is not open. Null when it is closed now or open for the whole coming week. Asks
 * `openState` itself, so overnight hours and closures mean the same here as for ordering.
 */
export function nextClosingTime(profile: Pick<OutletProfile, 'hours' | 'closures' | 'timezone'>, now: number): number | null {
  if (!openState(profile, now).open) return null;
  const start = Math.ceil((now + 1) / MINUTE) * MINUTE;
  let open = start;
  for (let t = start; t <= now + HORIZON; t += COARSE) {
    if (!openState(profile, t).open) {
      for (let m = open + MINUTE; m <= t; m += MINUTE) if (!openState(profile, m).open) return m;
      return t;
    }
    open = t;
  }
  return null;
}
