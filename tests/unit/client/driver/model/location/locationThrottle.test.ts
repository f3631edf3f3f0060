import { describe, expect, it } from 'vitest';
import { KEEP_EVERY_MS, shouldKeep, type Fix } from '../../../../../../client/driver/model/location/locationThrottle';

const T0 = 1_700_000_000_000;
/** About 11 m of latitude. */
const LAT_11M = 0.0001;
const at = (seconds: number, northMeters = 0, accuracy: number | null = 5): Fix => ({
  lat: 12.9756 + (northMeters / 11) * LAT_11M,
  lng: 77.6066,
  at: T0 + seconds * 1000,
  accuracy,
});

describe('location throttle (every 10 s or 25 m)', () => {
  it('keeps the first fix of a shift', () => {
    expect(shouldKeep(null, at(0))).toBe(true);
  });

  it('drops a fix taken within 10 s that moved less than 25 m', () => {
    expect(shouldKeep(at(0), at(5, 20))).toBe(false);
    expect(shouldKeep(at(0), at(KEEP_EVERY_MS / 1000 - 1, 0))).toBe(false);
  });

  it('keeps a fix once 10 s have passed, even standing still', () => {
    expect(shouldKeep(at(0), at(10, 0))).toBe(true);
  });

  it('keeps a fix 25 m away before the 10 s are up', () => {
    expect(shouldKeep(at(0), at(3, 30))).toBe(true);
  });

  it('does not count as movement what lies inside the fix’s own uncertainty', () => {
    expect(shouldKeep(at(0), at(3, 150, 200))).toBe(false);
    expect(shouldKeep(at(0), at(3, 250, 200))).toBe(true);
  });

  it('drops a repeat or an older fix', () => {
    expect(shouldKeep(at(20), at(20, 500))).toBe(false);
    expect(shouldKeep(at(20), at(5, 500))).toBe(false);
  });
});
