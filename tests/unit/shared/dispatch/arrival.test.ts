import { describe, expect, it } from 'vitest';
import { counterArrival, estimatedArrival, tripMs, type ArrivalFacts } from '../../../../shared/dispatch/arrival';
import { distanceMeters } from '../../../../shared/catalog/zones';

const OUTLET = { lat: 12.9756, lng: 77.6066 };
const DROPOFF = { lat: 12.968, lng: 77.6 };
const T = 1_800_000_000_000;
const facts = (over: Partial<ArrivalFacts>): ArrivalFacts => ({
  status: 'accepted',
  readyBy: T,
  pickedUpAt: null,
  outlet: OUTLET,
  dropoff: DROPOFF,
  driver: null,
  ...over,
});

describe('tripMs', () => {
  it('is the time at 20 km/h', () => {
    expect(tripMs(20_000)).toBe(3_600_000);
    expect(tripMs(1_000)).toBe(180_000);
    expect(tripMs(0)).toBe(0);
  });
});

describe('estimatedArrival', () => {
  const trip = tripMs(distanceMeters(OUTLET, DROPOFF));

  it('before pickup: when the kitchen should be done, plus the trip', () => {
    for (const status of ['accepted', 'preparing', 'ready'] as const) expect(estimatedArrival(facts({ status }))).toBe(T + trip);
    expect(estimatedArrival(facts({ readyBy: null }))).toBeNull();
  });

  it('on its way: from the driver’s last position since pickup, else from the pickup', () => {
    const driver = { lat: 12.97, lng: 77.602, at: T + 600_000 };
    expect(estimatedArrival(facts({ status: 'picked_up', pickedUpAt: T + 300_000, driver }))).toBe(
      driver.at + tripMs(distanceMeters(driver, DROPOFF)),
    );
    expect(estimatedArrival(facts({ status: 'picked_up', pickedUpAt: T + 300_000 }))).toBe(T + 300_000 + trip);
    const before = { ...driver, at: T + 100_000 };
    expect(estimatedArrival(facts({ status: 'picked_up', pickedUpAt: T + 300_000, driver: before }))).toBe(T + 300_000 + trip);
  });

  it('is null before the outlet accepts and once the order is finished', () => {
    for (const status of ['placed', 'delivered', 'failed', 'cancelled', 'rejected'] as const)
      expect(estimatedArrival(facts({ status }))).toBeNull();
  });
});

describe('counterArrival', () => {
  const outlet = { lat: 12.9756, lng: 77.6066 };
  // About 1.1 km north: some 3 to 4 minutes at courier speed.
  const driver = { lat: 12.9856, lng: 77.6066, at: 1_000_000 };

  it('is the ride from the driver’s fix when the fix is newer than the assignment', () => {
    const at = counterArrival(driver, outlet, driver.at - 60_000);
    expect(at - driver.at).toBeGreaterThan(3 * 60_000);
    expect(at - driver.at).toBeLessThan(4 * 60_000);
  });

  it('starts the ride at the assignment when the phone last reported before it', () => {
    const assignedAt = driver.at + 5 * 60_000;
    const at = counterArrival(driver, outlet, assignedAt);
    expect(at - assignedAt).toBeGreaterThan(3 * 60_000);
    expect(at - assignedAt).toBeLessThan(4 * 60_000);
  });
});
