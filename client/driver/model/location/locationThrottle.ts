import { distanceMeters } from '../../../../shared/catalog/zones';

/** A position as the device measured it. */
export interface Fix {
  readonly lat: number;
  readonly lng: number;
  /** Device time of the measurement, epoch ms. */
  readonly at: number;
  /** Metres; null when the device did not say. */
  readonly accuracy: number | null;
}

/**
 * Every 10 s or 25 m, whichever comes first: often enough for a dot that moves on the customer's
 * map and a fair dispatch distance, rare enough for a phone's battery and data on a long shift.
 */
export const KEEP_EVERY_MS = 10_000;
export const KEEP_EVERY_METERS = 25;

/**
 * Whether to keep `next` after `last` (the last fix kept). A fix no newer than the last is a
 * repeat. Movement counts only beyond the fix's own uncertainty, so a coarse Wi-Fi fix wobbling by
 * 200 m is not a driver moving 200 m.
 */
export function shouldKeep(last: Fix | null, next: Fix): boolean {
  if (last === null) return true;
  if (next.at <= last.at) return false;
  if (next.at - last.at >= KEEP_EVERY_MS) return true;
  return distanceMeters(last, next) >= Math.max(KEEP_EVERY_METERS, next.accuracy ?? 0);
}
