import { describe, expect, it } from 'vitest';
import { distanceMeters } from '../../../../shared/catalog/zones';
import { AT_COUNTER_METERS, atCounter } from '../../../../shared/dispatch/atCounter';

const OUTLET = { lat: 12.9756, lng: 77.6066 };
// A degree of latitude is some 111.2 km anywhere on the globe.
const north = (meters: number) => ({ lat: OUTLET.lat + meters / 111_195, lng: OUTLET.lng });

describe('atCounter', () => {
  it('counts a driver at the outlet door as arrived', () => {
    expect(atCounter(OUTLET, OUTLET)).toBe(true);
  });

  it('counts a driver parked 50 m down the street as arrived', () => {
    expect(atCounter(north(50), OUTLET)).toBe(true);
  });

  it('counts a driver exactly at the limit as arrived, and one just beyond it as still coming', () => {
    const edge = north(AT_COUNTER_METERS - 0.5);
    const beyond = north(AT_COUNTER_METERS + 1);
    expect(distanceMeters(edge, OUTLET)).toBeLessThanOrEqual(AT_COUNTER_METERS);
    expect(atCounter(edge, OUTLET)).toBe(true);
    expect(atCounter(beyond, OUTLET)).toBe(false);
  });

  it('does not count a driver a kilometre away as arrived', () => {
    expect(atCounter(north(1_000), OUTLET)).toBe(false);
  });
});
